import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole } from '../test-roles';

/**
 * S3 authorizes with the identity policy and the bucket policy together: within the bucket owner's
 * account either may allow, across accounts both must ("How Amazon S3 authorizes a request").
 */

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const BUCKET = 'iam-bucket-policies';
const KEY = 'orders/part-0.csv';
const S3_READ = [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }];

let emu: TestEmulator;
const clients: S3Client[] = [];

async function s3As(roleArn: string, account: string): Promise<S3Client> {
  const client = new S3Client({ ...emu.clientConfig(await emu.assumeRole(roleArn, { as: account as typeof PRODUCER, sessionName: 'session' }), { maxAttempts: 1 }), forcePathStyle: true });
  clients.push(client);
  return client;
}

async function putPolicy(principal: string): Promise<void> {
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }] };
  await clients[0]!.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify(policy) }));
}

beforeAll(async () => {
  emu = await startTestEmulator();
  const owner = new S3Client({ ...emu.clientConfig('producer', { maxAttempts: 1 }), forcePathStyle: true });
  clients.push(owner);
  await owner.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await owner.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: 'id\n1\n' }));
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await emu.close();
});

describe('identity and bucket policies', () => {
  it('refuses a cross-account read the reader may do, until the bucket policy allows it too', async () => {
    const reader = await s3As(addRole(emu, CONSUMER, 'Reader', S3_READ), CONSUMER);
    const refused = await failure(reader.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY })));
    expect(refused.name).toBe('AccessDenied');
    expect(refused.$metadata.httpStatusCode).toBe(403);
    // S3 gives the IAM context only to requests from the bucket owner's account.
    expect(refused.message).toBe('Access Denied');

    await putPolicy(`arn:aws:iam::${CONSUMER}:role/Reader`);
    expect(await (await reader.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }))).Body!.transformToString()).toBe('id\n1\n');
  });

  it('refuses a cross-account read the bucket policy allows but the reader’s identity policy does not', async () => {
    const bare = await s3As(addRole(emu, CONSUMER, 'Bare', [{ Effect: 'Allow', Action: 'glue:GetTable', Resource: '*' }]), CONSUMER);
    await putPolicy(`arn:aws:iam::${CONSUMER}:role/Bare`);
    expect((await failure(bare.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY })))).name).toBe('AccessDenied');
  });

  it("lets the bucket policy alone allow a principal of the owner's account, and says which policy refused otherwise", async () => {
    const local = await s3As(addRole(emu, PRODUCER, 'Local', [{ Effect: 'Allow', Action: 'glue:GetTable', Resource: '*' }]), PRODUCER);
    const refused = await failure(local.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY })));
    expect(refused.message).toBe(
      `User: arn:aws:sts::${PRODUCER}:assumed-role/Local/session is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::${BUCKET}/${KEY} because no identity-based policy allows the s3:GetObject action`,
    );
    await putPolicy(`arn:aws:iam::${PRODUCER}:role/Local`);
    expect(await (await local.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }))).Body!.transformToString()).toBe('id\n1\n');
  });
});
