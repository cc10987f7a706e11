import { CreateKeyCommand, DescribeKeyCommand, GetKeyPolicyCommand, KMSClient, PutKeyPolicyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  type CreateBucketCommandInput,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answerBook, answerOf } from '../support/answer-book';
import { type ConformanceTarget, startConformanceTarget } from '../support/conformance-target';
import { addRole } from '../../sandbox/aws/test-roles';

/**
 * AWS KMS customer managed keys and key policies, and S3's use of them (SSE-KMS), as a producer bucket
 * encrypted with a customer managed key is read from the mesh account. Sources, by case:
 * - KMS Developer Guide, "Default key policy": CreateKey without a policy gets one statement allowing
 *   the account root `kms:*` ("Enable IAM User Permissions", Id `key-default-1`).
 * - KMS Developer Guide, "Key policies in AWS KMS": "Unless the key policy explicitly allows it, you
 *   cannot use IAM policies to allow access to a KMS key"; across accounts both the key policy and the
 *   caller's IAM policy must allow ("Allowing users in other accounts to use a KMS key").
 * - KMS API Reference, CreateKey / PutKeyPolicy (`Policy`, BypassPolicyLockoutSafetyCheck; errors
 *   MalformedPolicyDocumentException, NotFoundException) and GetKeyPolicy (`PolicyName`: only `default`).
 * - S3 User Guide, "Using server-side encryption with AWS KMS keys (SSE-KMS)": reading needs kms:Decrypt
 *   on the key, writing kms:GenerateDataKey; Lake Formation Developer Guide, "Registering an encrypted
 *   Amazon S3 location across AWS accounts": the key policy must let the mesh account's role decrypt.
 * - Messages users report (the emulator's files cite them): NotFoundException "Key '…' does not exist",
 *   "Invalid keyId …"; S3's "KMS.NotFoundException" (400) for a key that does not exist; the lockout
 *   refusal "The new key policy will not allow you to update the key policy in the future."
 * Cases needing a role without KMS permissions are sandbox-only (the suite's AWS identities are
 * administrators). On AWS the suite's keys are scheduled for deletion (7 days) at the end; its bucket is deleted.
 */

const ON_AWS = process.env.MESHBOT_CONFORMANCE_AWS === '1';

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
const clients: { destroy(): void }[] = [];
const keys: string[] = [];
let producerKms: KMSClient;
let producerS3: S3Client;
let meshS3: S3Client;
let meshKms: KMSClient;
let meshCaller = '';
let bucket = '';

function track<C extends { destroy(): void }>(client: C): C {
  clients.push(client);
  return client;
}

/** The answer with the mesh caller's ARN (the profile's identity, or the sandbox's admin user) as `<caller>`. */
function withoutCaller(answer: Answer): Answer {
  return answer.ok ? answer : { ...answer, message: answer.message.replaceAll(meshCaller, '<caller>') };
}

const root = (account: string): string => `arn:aws:iam::${account}:root`;

/** A key policy: the producer's root (its administrators keep the key) and `extra` statements. */
function keyPolicy(extra: Record<string, unknown>[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root(target.accounts.producer) }, Action: 'kms:*', Resource: '*' }, ...extra],
  });
}

const decryptFor = (principal: string): Record<string, unknown> => ({ Sid: 'MeshReads', Effect: 'Allow', Principal: { AWS: principal }, Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: '*' });

async function createKey(policy?: string): Promise<{ keyId: string; arn: string }> {
  const { KeyMetadata } = await producerKms.send(new CreateKeyCommand({ Description: target.name('key'), ...(policy !== undefined && { Policy: policy }) }));
  keys.push(KeyMetadata!.KeyId!);
  return { keyId: KeyMetadata!.KeyId!, arn: KeyMetadata!.Arn! };
}

function createInput(name: string): CreateBucketCommandInput {
  return target.region === 'us-east-1' ? { Bucket: name } : { Bucket: name, CreateBucketConfiguration: { LocationConstraint: target.region as never } };
}

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'kms-key-policy');
  producerKms = track(new KMSClient(target.as('producer')));
  meshKms = track(new KMSClient(target.as('mesh')));
  producerS3 = track(new S3Client({ ...target.as('producer'), forcePathStyle: true }));
  meshS3 = track(new S3Client({ ...target.as('mesh'), forcePathStyle: true }));
  meshCaller = (await track(new STSClient(target.as('mesh'))).send(new GetCallerIdentityCommand({}))).Arn ?? '';
  bucket = target.name('kms').replaceAll('_', '-');
  await producerS3.send(new CreateBucketCommand(createInput(bucket)));
  // The bucket lets the mesh account in; the key policy is then what decides.
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: root(target.accounts.mesh) }, Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${bucket}/*` }] };
  await producerS3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
});

afterAll(async () => {
  const listed = await producerS3.send(new ListObjectsV2Command({ Bucket: bucket })).catch(() => undefined);
  for (const object of listed?.Contents ?? []) await producerS3.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key })).catch(() => undefined);
  await producerS3.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
  // The emulator keeps keys (it does not model deletion); AWS deletes them after the waiting period.
  if (target.kind === 'aws') for (const keyId of keys) await producerKms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })).catch(() => undefined);
  book.save();
  for (const client of clients) client.destroy();
  await target.close();
});

describe('keys and key policies', () => {
  it('gives a key created without a policy the default key policy (Default key policy)', async () => {
    const { keyId } = await createKey();
    const got = await producerKms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
    expect(JSON.parse(got.Policy ?? '{}')).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root(target.accounts.producer) }, Action: 'kms:*', Resource: '*' }],
    });
  });

  it("answers NotFoundException, 400, for a key that does not exist and an identifier of no key (DescribeKey, Errors)", async () => {
    const missing = await answerOf(producerKms.send(new DescribeKeyCommand({ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' })));
    expect(missing).toMatchObject({ ok: false, code: 'NotFoundException', status: 400 });
    book.check('describe-missing-key', missing);
    const invalid = await answerOf(producerKms.send(new DescribeKeyCommand({ KeyId: 'not-a-key' })));
    expect(invalid).toMatchObject({ ok: false, code: 'NotFoundException', status: 400 });
    book.check('describe-invalid-key-id', invalid);
  });

  it('refuses a policy name other than default (GetKeyPolicy, PolicyName; the error is docs silent)', async () => {
    const { keyId } = await createKey();
    const answer = await answerOf(producerKms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'other' })));
    expect(answer).toMatchObject({ ok: false });
    book.check('get-policy-other-name', answer);
  });

  it('refuses a key policy that would lock the caller out: MalformedPolicyDocumentException (PutKeyPolicy, BypassPolicyLockoutSafetyCheck)', async () => {
    const { keyId } = await createKey();
    const lockout = JSON.stringify({ Version: '2012-10-17', Statement: [decryptFor(root(target.accounts.mesh))] });
    const answer = await answerOf(producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: lockout })));
    expect(answer).toMatchObject({ ok: false, code: 'MalformedPolicyDocumentException', status: 400 });
    book.check('put-policy-lockout', answer);
  });

  it("refuses another account's administrator a key whose policy does not name its account; allows it once the policy names the account root (Key policies)", async () => {
    const { keyId, arn } = await createKey();
    const refused = withoutCaller(await answerOf(meshKms.send(new DescribeKeyCommand({ KeyId: arn }))));
    expect(refused).toMatchObject({ ok: false, code: 'AccessDeniedException', status: 400 });
    book.check('cross-account-describe-default-policy', refused);
    await producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: keyPolicy([decryptFor(root(target.accounts.mesh))]) }));
    const allowed = await answerOf(meshKms.send(new DescribeKeyCommand({ KeyId: arn })));
    expect(allowed).toEqual({ ok: true });
    book.check('cross-account-describe-root-allowed', allowed);
  });
});

describe('SSE-KMS objects read and written from the mesh account', () => {
  it('refuses GetObject when the key policy does not name the mesh account, though the bucket policy and IAM allow; allows it once the key policy names the mesh root', async () => {
    const { keyId, arn } = await createKey(keyPolicy([]));
    await producerS3.send(new PutObjectCommand({ Bucket: bucket, Key: 'orders/part-0.csv', Body: 'id\n1\n', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: arn }));
    const refused = withoutCaller(await answerOf(meshS3.send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/part-0.csv' }))));
    expect(refused).toMatchObject({ ok: false, code: 'AccessDenied', status: 403 });
    book.check('get-object-key-policy-silent', refused);
    await producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: keyPolicy([decryptFor(root(target.accounts.mesh))]) }));
    const allowed = await answerOf(meshS3.send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/part-0.csv' })));
    expect(allowed).toEqual({ ok: true });
    book.check('get-object-key-policy-root', allowed);
  });

  it('refuses PutObject with a key the mesh account may not use (kms:GenerateDataKey)', async () => {
    const { arn } = await createKey(keyPolicy([]));
    const answer = withoutCaller(await answerOf(meshS3.send(new PutObjectCommand({ Bucket: bucket, Key: 'orders/by-mesh.csv', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: arn }))));
    expect(answer).toMatchObject({ ok: false, code: 'AccessDenied', status: 403 });
    book.check('put-object-key-policy-silent', answer);
  });

  it('answers KMS.NotFoundException, 400, for SSE-KMS with a key that does not exist (PutObject)', async () => {
    const ghost = `arn:aws:kms:${target.region}:${target.accounts.producer}:key/02de8641-eea1-4115-8aa2-daf8b1e9b52f`;
    const answer = await answerOf(producerS3.send(new PutObjectCommand({ Bucket: bucket, Key: 'orders/ghost.csv', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: ghost })));
    expect(answer).toMatchObject({ ok: false, code: 'KMS.NotFoundException', status: 400 });
    book.check('put-object-missing-key', answer);
  });

  it.skipIf(ON_AWS)('refuses a mesh role without kms:Decrypt of its own though the key policy names the mesh root; allows the role the key policy names with its own permission (sandbox only)', async () => {
    const emulator = target.emulator!;
    const { mesh } = target.accounts;
    const bare = addRole(emulator, mesh, 'ConformanceNoKms', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
    const reader = addRole(emulator, mesh, 'ConformanceReader', [{ Effect: 'Allow', Action: ['s3:*', 'kms:Decrypt'], Resource: '*' }]);
    const { arn } = await createKey(keyPolicy([decryptFor(root(mesh)), decryptFor(reader)]));
    await producerS3.send(new PutObjectCommand({ Bucket: bucket, Key: 'orders/part-1.csv', Body: 'id\n2\n', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: arn }));
    const as = async (role: string): Promise<S3Client> => track(new S3Client({ ...target.withCredentials(await emulator.assumeRole(role, { as: mesh as never, sessionName: 'conformance' })), forcePathStyle: true }));
    const refused = await answerOf((await as(bare)).send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/part-1.csv' })));
    expect(refused).toEqual({
      ok: false,
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${mesh}:assumed-role/ConformanceNoKms/conformance is not authorized to perform: kms:Decrypt on resource: ${arn} because no identity-based policy allows the kms:Decrypt action`,
    });
    expect(await answerOf((await as(reader)).send(new GetObjectCommand({ Bucket: bucket, Key: 'orders/part-1.csv' })))).toEqual({ ok: true });
  });
});
