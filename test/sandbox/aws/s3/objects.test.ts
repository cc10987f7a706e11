import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { signedFetch } from '../signed-fetch';
import { addRole } from '../test-roles';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { s3Pool, type S3Pool } from './s3-clients';

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const BUCKET = 'producer-telco-data';
const READER = `arn:aws:iam::${CONSUMER}:role/Reader`;

let emu: TestEmulator;
let pool: S3Pool;
let producer: S3Client;
let consumer: S3Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  pool = s3Pool(emu);
  producer = pool.as('producer');
  consumer = pool.as('consumer');
  // A consumer-account role whose identity policy allows S3: across accounts the bucket policy decides.
  addRole(emu, CONSUMER, 'Reader', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
  await producer.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe('PutObject, GetObject, HeadObject, DeleteObject', () => {
  it('stores bytes with type, metadata and checksum, and answers them back', async () => {
    const body = Buffer.from([0, 1, 2, 250, 255]);
    const put = await producer.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'raw/bytes.bin', Body: body, ContentType: 'application/x-test', Metadata: { source: 'unit' } }));
    expect(put.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    const got = await producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'raw/bytes.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect(got).toMatchObject({ ContentType: 'application/x-test', ContentLength: 5, ETag: put.ETag, Metadata: { source: 'unit' }, ServerSideEncryption: 'AES256' });
    const head = await producer.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'raw/bytes.bin' }));
    expect(head).toMatchObject({ ContentLength: 5, ETag: put.ETag });
  });

  it('decodes the aws-chunked body the SDK sends for a stream (STREAMING-UNSIGNED-PAYLOAD-TRAILER)', async () => {
    await producer.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'stream.txt', Body: Readable.from([Buffer.from('hello '), Buffer.from('world')]), ContentLength: 11 }));
    const got = await producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'stream.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello world');
    expect(got.ChecksumCRC32).toBeDefined();
  });

  it('keeps keys with spaces, plus signs and unicode', async () => {
    for (const key of ['a b/c+d.txt', 'ünï/çødé.csv', 'dir//double']) {
      await producer.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
      expect(await (await producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString()).toBe(key);
    }
  });

  it('answers a byte range with 206 Partial Content, and InvalidRange (416) past the end', async () => {
    await producer.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'range.txt', Body: '0123456789' }));
    const part = await producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'range.txt', Range: 'bytes=2-4' }));
    expect(part.$metadata.httpStatusCode).toBe(206);
    expect(part.ContentRange).toBe('bytes 2-4/10');
    expect(await part.Body!.transformToString()).toBe('234');
    expect(await (await producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'range.txt', Range: 'bytes=-3' }))).Body!.transformToString()).toBe('789');
    const past = await failure(producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'range.txt', Range: 'bytes=20-' })));
    expect(past.name).toBe('InvalidRange');
    expect(past.$metadata.httpStatusCode).toBe(416);
  });

  it('answers NoSuchKey (404) and NoSuchBucket (404); HeadObject of a missing key is 404 without a body', async () => {
    const key = await failure(producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' })));
    expect(key.name).toBe('NoSuchKey');
    expect(key.$metadata.httpStatusCode).toBe(404);
    const bucket = await failure(producer.send(new GetObjectCommand({ Bucket: 'no-such-bucket-anywhere', Key: 'k' })));
    expect(bucket.name).toBe('NoSuchBucket');
    expect((await failure(producer.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing' })))).$metadata.httpStatusCode).toBe(404);
  });

  it('deletes with 204, whether or not the key held an object', async () => {
    await producer.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'gone.txt', Body: 'x' }));
    expect((await producer.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' }))).$metadata.httpStatusCode).toBe(204);
    expect((await producer.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' }))).$metadata.httpStatusCode).toBe(204);
    expect((await failure(producer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' })))).name).toBe('NoSuchKey');
  });

  it('persists objects in the world as base64', () => {
    const stored = emu.world.buckets[BUCKET]?.objects['range.txt'];
    expect(stored && Buffer.from(stored.body, 'base64').toString('utf8')).toBe('0123456789');
  });
});

describe('ListObjectsV2', () => {
  const LISTED = 'producer-listing';

  beforeAll(async () => {
    await producer.send(new CreateBucketCommand({ Bucket: LISTED }));
    const keys = ['a/1.csv', 'a/2.csv', 'a/b/3.csv', 'c/4.csv', 'root.txt', 'a/b/c/5.csv'];
    for (const key of keys) await producer.send(new PutObjectCommand({ Bucket: LISTED, Key: key, Body: key }));
  });

  it('lists keys in order under a prefix', async () => {
    const listed = await producer.send(new ListObjectsV2Command({ Bucket: LISTED, Prefix: 'a/' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['a/1.csv', 'a/2.csv', 'a/b/3.csv', 'a/b/c/5.csv']);
    expect(listed).toMatchObject({ KeyCount: 4, IsTruncated: false, Prefix: 'a/', MaxKeys: 1000 });
  });

  it('rolls keys up into CommonPrefixes with a delimiter', async () => {
    const top = await producer.send(new ListObjectsV2Command({ Bucket: LISTED, Delimiter: '/' }));
    expect(top.Contents?.map((c) => c.Key)).toEqual(['root.txt']);
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'c/']);
    expect(top.KeyCount).toBe(3);
    const nested = await producer.send(new ListObjectsV2Command({ Bucket: LISTED, Delimiter: '/', Prefix: 'a/' }));
    expect(nested.Contents?.map((c) => c.Key)).toEqual(['a/1.csv', 'a/2.csv']);
    expect(nested.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/b/']);
  });

  it('pages with max-keys and continuation tokens, common prefixes counting once', async () => {
    const pages: string[][] = [];
    for await (const page of paginateListObjectsV2({ client: producer, pageSize: 2 }, { Bucket: LISTED, Delimiter: '/' })) {
      pages.push([...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''), ...(page.Contents ?? []).map((c) => c.Key ?? '')]);
    }
    expect(pages).toEqual([['a/', 'c/'], ['root.txt']]);
    const first = await producer.send(new ListObjectsV2Command({ Bucket: LISTED, MaxKeys: 4 }));
    expect(first).toMatchObject({ IsTruncated: true, KeyCount: 4 });
    const rest = await producer.send(new ListObjectsV2Command({ Bucket: LISTED, ContinuationToken: first.NextContinuationToken }));
    expect(rest.Contents?.map((c) => c.Key)).toEqual(['c/4.csv', 'root.txt']);
    expect(rest.ContinuationToken).toBe(first.NextContinuationToken);
  });

  it('starts after StartAfter, and refuses a token that is not its own (InvalidArgument)', async () => {
    const after = await producer.send(new ListObjectsV2Command({ Bucket: LISTED, StartAfter: 'a/b/c/5.csv' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['c/4.csv', 'root.txt']);
    const bad = await failure(producer.send(new ListObjectsV2Command({ Bucket: LISTED, ContinuationToken: 'bm90LWEtdG9rZW4' })));
    expect(bad.name).toBe('InvalidArgument');
    expect(bad.$metadata.httpStatusCode).toBe(400);
  });
});

describe('access across accounts', () => {
  const SHARED = 'producer-shared-data';

  beforeAll(async () => {
    await producer.send(new CreateBucketCommand({ Bucket: SHARED }));
    await producer.send(new PutObjectCommand({ Bucket: SHARED, Key: 'orders/part-0.csv', Body: 'id\n1\n' }));
  });

  it("refuses another account's principals without a bucket policy (403 AccessDenied)", async () => {
    const read = await failure(consumer.send(new GetObjectCommand({ Bucket: SHARED, Key: 'orders/part-0.csv' })));
    expect(read.name).toBe('AccessDenied');
    expect(read.$metadata.httpStatusCode).toBe(403);
    expect((await failure(consumer.send(new ListObjectsV2Command({ Bucket: SHARED })))).name).toBe('AccessDenied');
    expect((await failure(consumer.send(new PutObjectCommand({ Bucket: SHARED, Key: 'x', Body: 'x' })))).name).toBe('AccessDenied');
  });

  it('allows what the bucket policy allows, to the principals it names', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: READER }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${SHARED}/orders/*` },
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${CONSUMER}:root` }, Action: 's3:ListBucket', Resource: `arn:aws:s3:::${SHARED}` },
      ],
    };
    await producer.send(new PutBucketPolicyCommand({ Bucket: SHARED, Policy: JSON.stringify(policy) }));
    const role = pool.as(await emu.assumeRole(READER, { as: 'consumer' }));
    expect(await (await role.send(new GetObjectCommand({ Bucket: SHARED, Key: 'orders/part-0.csv' }))).Body!.transformToString()).toBe('id\n1\n');
    // The account's admin user is not the role the GetObject statement names, but the account may list.
    expect((await failure(consumer.send(new GetObjectCommand({ Bucket: SHARED, Key: 'orders/part-0.csv' })))).name).toBe('AccessDenied');
    expect((await consumer.send(new ListObjectsV2Command({ Bucket: SHARED }))).KeyCount).toBe(1);
  });

  it('answers a missing key 404 to a caller who may list, 403 to one who may not', async () => {
    const role = pool.as(await emu.assumeRole(READER, { as: 'consumer' }));
    expect((await failure(role.send(new GetObjectCommand({ Bucket: SHARED, Key: 'orders/missing.csv' })))).name).toBe('NoSuchKey');
    await producer.send(
      new PutBucketPolicyCommand({
        Bucket: SHARED,
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: READER }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${SHARED}/*` }] }),
      }),
    );
    expect((await failure(role.send(new GetObjectCommand({ Bucket: SHARED, Key: 'orders/missing.csv' })))).name).toBe('AccessDenied');
  });

  it("lets an explicit Deny refuse even the owner account's principals", async () => {
    await producer.send(
      new PutBucketPolicyCommand({
        Bucket: SHARED,
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${SHARED}/*` }] }),
      }),
    );
    expect((await failure(producer.send(new DeleteObjectCommand({ Bucket: SHARED, Key: 'orders/part-0.csv' })))).name).toBe('AccessDenied');
    expect(emu.world.buckets[SHARED]?.ownerAccountId).toBe(PRODUCER);
  });
});

describe('the wire', () => {
  it("answers errors in S3's XML shape with the request id", async () => {
    const keys = { accessKeyId: `AKIA${PRODUCER}ADMN`, secretAccessKey: `sandbox-producer-${PRODUCER}-secret` };
    const response = await signedFetch(emu.endpoint, 's3', keys, { method: 'GET', path: '/no-such-bucket-at-all/key', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/xml');
    const text = await response.text();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>no-such-bucket-at-all<\/BucketName><RequestId>[^<]+<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
    expect(response.headers.get('x-amz-request-id')).toBeTruthy();
  });

  it('refuses a body that does not hash to x-amz-content-sha256 (XAmzContentSHA256Mismatch)', async () => {
    const keys = { accessKeyId: `AKIA${PRODUCER}ADMN`, secretAccessKey: `sandbox-producer-${PRODUCER}-secret` };
    const declared = '0'.repeat(64);
    const response = await signedFetch(emu.endpoint, 's3', keys, { method: 'PUT', path: `/${BUCKET}/tampered`, headers: { 'x-amz-content-sha256': declared }, body: 'abc' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
  });

  it('refuses operations it does not implement with NotImplemented (501)', async () => {
    const keys = { accessKeyId: `AKIA${PRODUCER}ADMN`, secretAccessKey: `sandbox-producer-${PRODUCER}-secret` };
    const response = await signedFetch(emu.endpoint, 's3', keys, { method: 'GET', path: `/${BUCKET}`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    expect(response.status).toBe(501);
    expect(await response.text()).toContain('<Code>NotImplemented</Code>');
  });
});
