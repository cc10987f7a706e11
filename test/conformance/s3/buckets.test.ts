import {
  CreateBucketCommand,
  type CreateBucketCommandInput,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBook, answerOf } from '../support/answer-book';
import { type ConformanceTarget, startConformanceTarget } from '../support/conformance-target';

/**
 * Amazon S3 buckets, objects and bucket policies as AWS documents them: the S3 API Reference pages of
 * CreateBucket, HeadBucket, DeleteBucket, PutObject, GetObject, ListObjectsV2, PutBucketPolicy,
 * GetBucketPolicy, GetBucketEncryption and PutBucketEncryption, its "Error responses" list of codes,
 * the S3 User Guide's "General purpose bucket naming rules", and its account of cross-account access
 * ("How Amazon S3 authorizes a request": another account's principal needs the bucket policy to
 * allow it). Each case names its source. The producer account owns the suite's bucket; the consumer
 * account is the other account. Clients are path-style (`forcePathStyle`), as the emulator is
 * addressed; S3 serves path-style requests too. Buckets are named from `target.name` (hyphens for
 * underscores, which bucket names may not hold) and deleted at the end.
 */

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
let producer: S3Client;
let consumer: S3Client;
let bucket = '';
const created: string[] = [];

/** A bucket name of this run: `target.name` with hyphens, as bucket names allow no underscores. */
function bucketName(label: string): string {
  return target.name(label).replaceAll('_', '-');
}

/** CreateBucket's input in the target's Region: outside us-east-1 the Region is named as LocationConstraint (CreateBucket API Reference). */
function createInput(name: string): CreateBucketCommandInput {
  return target.region === 'us-east-1' ? { Bucket: name } : { Bucket: name, CreateBucketConfiguration: { LocationConstraint: target.region as never } };
}

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 's3-buckets');
  producer = new S3Client({ ...target.as('producer'), forcePathStyle: true });
  consumer = new S3Client({ ...target.as('consumer'), forcePathStyle: true });
  bucket = bucketName('data');
  await producer.send(new CreateBucketCommand(createInput(bucket)));
  created.push(bucket);
  await producer.send(new PutObjectCommand({ Bucket: bucket, Key: 'orders/part-0.csv', Body: 'id,total\n1,10\n' }));
  await producer.send(new PutObjectCommand({ Bucket: bucket, Key: 'orders/part-1.csv', Body: 'id,total\n2,20\n' }));
  await producer.send(new PutObjectCommand({ Bucket: bucket, Key: 'refunds/part-0.csv', Body: 'id\n3\n' }));
});

afterAll(async () => {
  for (const name of created) {
    const listed = await producer.send(new ListObjectsV2Command({ Bucket: name })).catch(() => undefined);
    for (const object of listed?.Contents ?? []) await producer.send(new DeleteObjectCommand({ Bucket: name, Key: object.Key })).catch(() => undefined);
    await producer.send(new DeleteBucketCommand({ Bucket: name })).catch(() => undefined);
  }
  book.save();
  producer.destroy();
  consumer.destroy();
  await target.close();
});

describe('buckets', () => {
  it('refuses a second bucket of the same name from another account: BucketAlreadyExists, 409 (CreateBucket; bucket names are global)', async () => {
    const answer = await answerOf(consumer.send(new CreateBucketCommand(createInput(bucket))));
    expect(answer).toMatchObject({ ok: false, code: 'BucketAlreadyExists', status: 409 });
    book.check('create-taken-by-another-account', answer);
  });

  it("answers the owner's re-creation with 200 in us-east-1, BucketAlreadyOwnedByYou (409) elsewhere (CreateBucket, Errors)", async () => {
    const answer = await answerOf(producer.send(new CreateBucketCommand(createInput(bucket))));
    if (target.region === 'us-east-1') expect(answer).toEqual({ ok: true });
    else expect(answer).toMatchObject({ ok: false, code: 'BucketAlreadyOwnedByYou', status: 409 });
    book.check('create-owned-again', answer);
  });

  it('refuses a name outside the naming rules: InvalidBucketName, 400 (General purpose bucket naming rules)', async () => {
    const answer = await answerOf(producer.send(new CreateBucketCommand(createInput(target.name('under_score')))));
    expect(answer).toMatchObject({ ok: false, code: 'InvalidBucketName', status: 400 });
    book.check('create-invalid-name', answer);
  });

  it('answers HeadBucket 200 for its owner, 404 without a body for no such bucket (HeadBucket)', async () => {
    const own = await answerOf(producer.send(new HeadBucketCommand({ Bucket: bucket })));
    expect(own).toEqual({ ok: true });
    book.check('head-own-bucket', own);
    const missing = await answerOf(producer.send(new HeadBucketCommand({ Bucket: bucketName('never-created') })));
    expect(missing).toMatchObject({ ok: false, status: 404 });
    book.check('head-missing-bucket', missing);
  });

  it('refuses to delete a bucket that holds objects: BucketNotEmpty, 409 (DeleteBucket; Error responses)', async () => {
    const answer = await answerOf(producer.send(new DeleteBucketCommand({ Bucket: bucket })));
    expect(answer).toMatchObject({ ok: false, code: 'BucketNotEmpty', status: 409 });
    book.check('delete-not-empty', answer);
  });

  it('deletes an empty bucket; a bucket that does not exist is NoSuchBucket, 404 (DeleteBucket; Error responses)', async () => {
    const empty = bucketName('empty');
    await producer.send(new CreateBucketCommand(createInput(empty)));
    const deleted = await answerOf(producer.send(new DeleteBucketCommand({ Bucket: empty })));
    expect(deleted).toEqual({ ok: true });
    book.check('delete-empty', deleted);
    const again = await answerOf(producer.send(new DeleteBucketCommand({ Bucket: empty })));
    expect(again).toMatchObject({ ok: false, code: 'NoSuchBucket', status: 404 });
    book.check('delete-missing', again);
  });
});

describe('objects', () => {
  it('answers the bytes that were put (PutObject, GetObject)', async () => {
    const got = await producer.send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/part-0.csv' }));
    expect(await got.Body?.transformToString()).toBe('id,total\n1,10\n');
  });

  it('answers NoSuchKey, 404, to the owner, who may list the bucket (GetObject, Permissions)', async () => {
    const answer = await answerOf(producer.send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/missing.csv' })));
    expect(answer).toMatchObject({ ok: false, code: 'NoSuchKey', status: 404 });
    book.check('get-missing-key', answer);
  });

  it('lists with a delimiter and pages with max-keys and a continuation token (ListObjectsV2)', async () => {
    const top = await producer.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['orders/', 'refunds/']);
    expect(top.KeyCount).toBe(2);
    const first = await producer.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'orders/', MaxKeys: 1 }));
    expect(first).toMatchObject({ IsTruncated: true, KeyCount: 1 });
    expect(first.Contents?.map((c) => c.Key)).toEqual(['orders/part-0.csv']);
    const second = await producer.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'orders/', MaxKeys: 1, ContinuationToken: first.NextContinuationToken }));
    expect(second.Contents?.map((c) => c.Key)).toEqual(['orders/part-1.csv']);
    expect(second.IsTruncated).toBe(false);
  });
});

describe('default encryption', () => {
  it('answers SSE-S3 (AES256) for a bucket never configured (GetBucketEncryption: every bucket has default encryption)', async () => {
    const answer = await producer.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(answer.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
  });

  it('stores SSE-KMS with a customer managed key id (PutBucketEncryption, KMSMasterKeyID)', async () => {
    const encrypted = bucketName('kms');
    await producer.send(new CreateBucketCommand(createInput(encrypted)));
    created.push(encrypted);
    const key = `arn:aws:kms:${target.region}:${target.accounts.producer}:key/00000000-0000-4000-8000-000000000000`;
    const put = await answerOf(
      producer.send(new PutBucketEncryptionCommand({ Bucket: encrypted, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key } }] } })),
    );
    expect(put).toEqual({ ok: true });
    book.check('put-encryption-kms', put);
    const rule = (await producer.send(new GetBucketEncryptionCommand({ Bucket: encrypted }))).ServerSideEncryptionConfiguration?.Rules?.[0];
    expect(rule?.ApplyServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key });
  });
});

describe('bucket policies and another account', () => {
  it("refuses another account's principal without a bucket policy: AccessDenied, 403 (How Amazon S3 authorizes a request)", async () => {
    const answer = await answerOf(consumer.send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/part-0.csv' })));
    expect(answer).toMatchObject({ ok: false, code: 'AccessDenied', status: 403 });
    book.check('cross-account-get-without-policy', answer);
  });

  it('answers NoSuchBucketPolicy, 404, for a bucket without a policy (GetBucketPolicy; Error responses)', async () => {
    const answer = await answerOf(producer.send(new GetBucketPolicyCommand({ Bucket: bucket })));
    expect(answer).toMatchObject({ ok: false, code: 'NoSuchBucketPolicy', status: 404 });
    book.check('get-policy-none', answer);
  });

  it('refuses a policy that is not JSON: MalformedPolicy, 400 (PutBucketPolicy; Error responses)', async () => {
    const answer = await answerOf(producer.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: 'not a policy' })));
    expect(answer).toMatchObject({ ok: false, code: 'MalformedPolicy', status: 400 });
    book.check('put-policy-not-json', answer);
  });

  it('lets the other account read what the policy allows, and nothing else', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'ConsumerReadsOrders', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${target.accounts.consumer}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/orders/*` }],
    };
    await producer.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    const stored = await producer.send(new GetBucketPolicyCommand({ Bucket: bucket }));
    expect((JSON.parse(stored.Policy ?? '{}') as typeof policy).Statement[0]?.Sid).toBe('ConsumerReadsOrders');

    const allowed = await answerOf(consumer.send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/part-0.csv' })));
    expect(allowed).toEqual({ ok: true });
    book.check('cross-account-get-allowed', allowed);
    const outside = await answerOf(consumer.send(new GetObjectCommand({ Bucket: bucket, Key: 'refunds/part-0.csv' })));
    expect(outside).toMatchObject({ ok: false, code: 'AccessDenied', status: 403 });
    book.check('cross-account-get-outside-policy', outside);
    const list = await answerOf(consumer.send(new ListObjectsV2Command({ Bucket: bucket })));
    expect(list).toMatchObject({ ok: false, code: 'AccessDenied', status: 403 });
    book.check('cross-account-list-not-allowed', list);
    // GetObject, Permissions: without s3:ListBucket a missing key is 403, not 404.
    const missing = await answerOf(consumer.send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/missing.csv' })));
    expect(missing).toMatchObject({ ok: false, code: 'AccessDenied', status: 403 });
    book.check('cross-account-missing-key-without-list', missing);
  });

  it("refuses the policy operations to another account's principal (PutBucketPolicy / GetBucketPolicy, Permissions)", async () => {
    const answer = await answerOf(consumer.send(new GetBucketPolicyCommand({ Bucket: bucket })));
    expect(answer).toMatchObject({ ok: false, status: 403 });
    book.check('cross-account-get-policy', answer);
  });

  it('deletes the policy; reading it again is NoSuchBucketPolicy (DeleteBucketPolicy)', async () => {
    const deleted = await answerOf(producer.send(new DeleteBucketPolicyCommand({ Bucket: bucket })));
    expect(deleted).toEqual({ ok: true });
    book.check('delete-policy', deleted);
    const after = await answerOf(producer.send(new GetBucketPolicyCommand({ Bucket: bucket })));
    expect(after).toMatchObject({ ok: false, code: 'NoSuchBucketPolicy', status: 404 });
  });
});
