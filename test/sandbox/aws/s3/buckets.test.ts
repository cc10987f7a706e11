import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketPolicyCommand,
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  DeleteObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { s3Pool, type S3Pool } from './s3-clients';

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const KMS_KEY = `arn:aws:kms:us-east-1:${PRODUCER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

let emu: TestEmulator;
let pool: S3Pool;
let producer: S3Client;
let consumer: S3Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  pool = s3Pool(emu);
  producer = pool.as('producer');
  consumer = pool.as('consumer');
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

function readPolicy(bucket: string, principal: string, actions: string[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: actions, Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }],
  });
}

describe('CreateBucket, HeadBucket, ListBuckets, DeleteBucket', () => {
  it("creates a bucket in the caller's account and lists it there only", async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-lifecycle' }));
    const own = await producer.send(new ListBucketsCommand({}));
    expect(own.Buckets?.map((b) => b.Name)).toContain('producer-lifecycle');
    expect(own.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const other = await consumer.send(new ListBucketsCommand({}));
    expect(other.Buckets?.map((b) => b.Name) ?? []).not.toContain('producer-lifecycle');
    expect(emu.world.buckets['producer-lifecycle']?.ownerAccountId).toBe(PRODUCER);
  });

  it('answers BucketAlreadyExists (409) to another account; its owner in us-east-1 gets 200 OK', async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-taken' }));
    const taken = await failure(consumer.send(new CreateBucketCommand({ Bucket: 'producer-taken' })));
    expect(taken.name).toBe('BucketAlreadyExists');
    expect(taken.$metadata.httpStatusCode).toBe(409);
    await expect(producer.send(new CreateBucketCommand({ Bucket: 'producer-taken' }))).resolves.toBeDefined();
  });

  it('refuses names outside the naming rules with InvalidBucketName (400)', async () => {
    for (const name of ['ab', 'Upper-case', 'under_score', '192.168.5.4', 'double..dot', 'xn--prefix', '-leading']) {
      const refused = await failure(producer.send(new CreateBucketCommand({ Bucket: name })));
      expect(refused.name, name).toBe('InvalidBucketName');
      expect(refused.$metadata.httpStatusCode).toBe(400);
    }
  });

  it('refuses a LocationConstraint of us-east-1 or of another Region', async () => {
    // us-east-1 is not in the model's BucketLocationConstraint enum, so the SDK's type forbids what the wire carries.
    const named = await failure(producer.send(new CreateBucketCommand({ Bucket: 'producer-named-region', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } })));
    expect(named.name).toBe('InvalidLocationConstraint');
    const elsewhere = await failure(producer.send(new CreateBucketCommand({ Bucket: 'producer-elsewhere', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })));
    expect(elsewhere.name).toBe('IllegalLocationConstraintException');
  });

  it('answers HeadBucket with the Region, 404 for no bucket, 403 for a bucket of another account', async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-head' }));
    const head = await producer.send(new HeadBucketCommand({ Bucket: 'producer-head' }));
    expect(head.BucketRegion).toBe('us-east-1');
    expect((await failure(producer.send(new HeadBucketCommand({ Bucket: 'no-such-bucket-here' })))).$metadata.httpStatusCode).toBe(404);
    expect((await failure(consumer.send(new HeadBucketCommand({ Bucket: 'producer-head' })))).$metadata.httpStatusCode).toBe(403);
  });

  it('refuses a mismatching ExpectedBucketOwner with 403', async () => {
    const refused = await failure(producer.send(new HeadBucketCommand({ Bucket: 'producer-head', ExpectedBucketOwner: CONSUMER })));
    expect(refused.$metadata.httpStatusCode).toBe(403);
    await expect(producer.send(new HeadBucketCommand({ Bucket: 'producer-head', ExpectedBucketOwner: PRODUCER }))).resolves.toBeDefined();
  });

  it('refuses to delete a bucket that holds objects (BucketNotEmpty, 409), then deletes it (NoSuchBucket after)', async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-delete-me' }));
    await producer.send(new PutObjectCommand({ Bucket: 'producer-delete-me', Key: 'a.txt', Body: 'a' }));
    const notEmpty = await failure(producer.send(new DeleteBucketCommand({ Bucket: 'producer-delete-me' })));
    expect(notEmpty.name).toBe('BucketNotEmpty');
    expect(notEmpty.$metadata.httpStatusCode).toBe(409);
    await producer.send(new DeleteObjectCommand({ Bucket: 'producer-delete-me', Key: 'a.txt' }));
    const deleted = await producer.send(new DeleteBucketCommand({ Bucket: 'producer-delete-me' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await failure(producer.send(new DeleteBucketCommand({ Bucket: 'producer-delete-me' })))).name).toBe('NoSuchBucket');
  });

  it("refuses another account's DeleteBucket (403)", async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-keep' }));
    expect((await failure(consumer.send(new DeleteBucketCommand({ Bucket: 'producer-keep' })))).name).toBe('AccessDenied');
  });
});

describe('bucket policies', () => {
  it('stores the policy text; NoSuchBucketPolicy (404) when there is none; delete answers 204', async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-policy' }));
    const none = await failure(producer.send(new GetBucketPolicyCommand({ Bucket: 'producer-policy' })));
    expect(none.name).toBe('NoSuchBucketPolicy');
    expect(none.$metadata.httpStatusCode).toBe(404);
    const policy = readPolicy('producer-policy', `arn:aws:iam::${CONSUMER}:root`, ['s3:GetObject']);
    await producer.send(new PutBucketPolicyCommand({ Bucket: 'producer-policy', Policy: policy }));
    expect((await producer.send(new GetBucketPolicyCommand({ Bucket: 'producer-policy' }))).Policy).toBe(policy);
    const deleted = await producer.send(new DeleteBucketPolicyCommand({ Bucket: 'producer-policy' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await failure(producer.send(new GetBucketPolicyCommand({ Bucket: 'producer-policy' })))).name).toBe('NoSuchBucketPolicy');
  });

  it('refuses malformed policies with MalformedPolicy (400)', async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-malformed' }));
    const cases = [
      'not json',
      JSON.stringify({ Version: '2012-10-17' }),
      readPolicy('some-other-bucket', `arn:aws:iam::${CONSUMER}:root`, ['s3:GetObject']),
      readPolicy('producer-malformed', 'arn:aws:iam::123456789012:root', ['s3:GetObject']),
      readPolicy('producer-malformed', `arn:aws:iam::${CONSUMER}:role/NoSuchRole`, ['s3:GetObject']),
      readPolicy('producer-malformed', `arn:aws:iam::${CONSUMER}:root`, ['glue:GetTable']),
    ];
    for (const policy of cases) {
      const refused = await failure(producer.send(new PutBucketPolicyCommand({ Bucket: 'producer-malformed', Policy: policy })));
      expect(refused.name, policy).toBe('MalformedPolicy');
      expect(refused.$metadata.httpStatusCode).toBe(400);
    }
  });

  it('keeps the policy operations to the owner account: 403 without permission, 405 with it from another account', async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-policy-owner' }));
    const denied = await failure(consumer.send(new GetBucketPolicyCommand({ Bucket: 'producer-policy-owner' })));
    expect(denied.$metadata.httpStatusCode).toBe(403);
    await producer.send(new PutBucketPolicyCommand({ Bucket: 'producer-policy-owner', Policy: readPolicy('producer-policy-owner', CONSUMER, ['s3:GetBucketPolicy']) }));
    const notAllowed = await failure(consumer.send(new GetBucketPolicyCommand({ Bucket: 'producer-policy-owner' })));
    expect(notAllowed.name).toBe('MethodNotAllowed');
    expect(notAllowed.$metadata.httpStatusCode).toBe(405);
  });
});

describe('default encryption', () => {
  it('answers SSE-S3 for a bucket without a configuration, and stores a customer KMS key', async () => {
    await producer.send(new CreateBucketCommand({ Bucket: 'producer-encrypted' }));
    // The key must exist: S3 uses it through KMS (s3/sse-kms.ts).
    const kms = new KMSClient(emu.clientConfig('producer', { maxAttempts: 1 }));
    const kmsKey = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.Arn!;
    kms.destroy();
    const initial = await producer.send(new GetBucketEncryptionCommand({ Bucket: 'producer-encrypted' }));
    expect(initial.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
    await producer.send(
      new PutBucketEncryptionCommand({
        Bucket: 'producer-encrypted',
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kmsKey }, BucketKeyEnabled: true }] },
      }),
    );
    const rule = (await producer.send(new GetBucketEncryptionCommand({ Bucket: 'producer-encrypted' }))).ServerSideEncryptionConfiguration?.Rules?.[0];
    expect(rule).toEqual({ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kmsKey }, BucketKeyEnabled: true });
    const put = await producer.send(new PutObjectCommand({ Bucket: 'producer-encrypted', Key: 'k', Body: 'x' }));
    expect(put.ServerSideEncryption).toBe('aws:kms');
    expect(put.SSEKMSKeyId).toBe(kmsKey);
    await producer.send(new DeleteObjectCommand({ Bucket: 'producer-encrypted', Key: 'k' }));
    await producer.send(new DeleteBucketEncryptionCommand({ Bucket: 'producer-encrypted' }));
    const reset = await producer.send(new GetBucketEncryptionCommand({ Bucket: 'producer-encrypted' }));
    expect(reset.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
  });

  it('refuses a KMS key with AES256 (InvalidArgument)', async () => {
    const refused = await failure(
      producer.send(
        new PutBucketEncryptionCommand({
          Bucket: 'producer-encrypted',
          ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: KMS_KEY } }] },
        }),
      ),
    );
    expect(refused.name).toBe('InvalidArgument');
  });
});
