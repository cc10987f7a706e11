import { CreateKeyCommand, DescribeKeyCommand, GetKeyPolicyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorldSchema } from '../../../../src/sandbox/aws/world';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole } from '../test-roles';

/**
 * AWS KMS customer managed keys and their key policies (iam/kms-actions.ts, kms/*), and S3's use of
 * them for SSE-KMS (s3/sse-kms.ts): a producer bucket encrypted with a customer managed key, read
 * across accounts by a role of the mesh account (Lake Formation Developer Guide, "Registering an
 * encrypted Amazon S3 location across AWS accounts").
 */

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const MESH = SANDBOX_ACCOUNTS.mesh.id;
const BUCKET = 'kms-producer-data';
const S3_ALL = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
// As infra/role-permissions.ts gives the data access role: the producers' keys, through S3 only.
const KMS_VIA_S3 = {
  Effect: 'Allow',
  Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
  Resource: `arn:aws:kms:${SANDBOX_REGION}:${PRODUCER}:key/*`,
  Condition: { StringEquals: { 'kms:ViaService': `s3.${SANDBOX_REGION}.amazonaws.com` } },
};

let emu: TestEmulator;
const destroyables: { destroy(): void }[] = [];
let producerKms: KMSClient;
let producerS3: S3Client;

function kmsAs(credentials: Parameters<TestEmulator['clientConfig']>[0]): KMSClient {
  const client = new KMSClient(emu.clientConfig(credentials, { maxAttempts: 1 }));
  destroyables.push(client);
  return client;
}

function s3As(credentials: AwsCredentialIdentity): S3Client {
  const client = new S3Client({ ...emu.clientConfig(credentials, { maxAttempts: 1 }), forcePathStyle: true });
  destroyables.push(client);
  return client;
}

async function roleSession(account: string, name: string, statements: Record<string, unknown>[]): Promise<AwsCredentialIdentity> {
  return emu.assumeRole(addRole(emu, account, name, statements), { as: account as typeof PRODUCER, sessionName: 'session' });
}

const root = (account: string): string => `arn:aws:iam::${account}:root`;
const roleArn = (account: string, name: string): string => `arn:aws:iam::${account}:role/${name}`;

/** A key policy: the producer's root (so its admin keeps managing the key) plus `extra` statements. */
function keyPolicy(extra: Record<string, unknown>[], withProducerRoot = true): string {
  const admin = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root(PRODUCER) }, Action: 'kms:*', Resource: '*' };
  return JSON.stringify({ Version: '2012-10-17', Statement: [...(withProducerRoot ? [admin] : []), ...extra] });
}

const use = (principal: string): Record<string, unknown> => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: '*' });

/** A producer key with `policy`, and an object of the producer's bucket encrypted with it; answers the key ARN and the object key. */
async function encryptedObject(label: string, policy: string, bypass = false): Promise<{ keyArn: string; objectKey: string }> {
  const created = await producerKms.send(new CreateKeyCommand({ Policy: policy, Description: label, BypassPolicyLockoutSafetyCheck: bypass }));
  const keyArn = created.KeyMetadata!.Arn!;
  const objectKey = `${label}/part-0.csv`;
  // The producer's admin encrypts with its own account's key: AdministratorAccess through a root statement, or bypassed below.
  if (!bypass) await producerS3.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey, Body: 'id\n1\n', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn }));
  else emu.world.buckets[BUCKET]!.objects[objectKey] = { key: objectKey, body: Buffer.from('id\n1\n').toString('base64'), size: 5, etag: 'x', lastModified: 0, serverSideEncryption: { algorithm: 'aws:kms', kmsKeyId: keyArn } };
  return { keyArn, objectKey };
}

let meshWithKms: S3Client;
let meshWithoutKms: S3Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  producerKms = kmsAs('producer');
  producerS3 = s3As(emu.clientConfig('producer').credentials);
  await producerS3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  meshWithKms = s3As(await roleSession(MESH, 'DataAccess', [S3_ALL, KMS_VIA_S3]));
  meshWithoutKms = s3As(await roleSession(MESH, 'NoKms', [S3_ALL]));
  const bucketPolicy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: [roleArn(MESH, 'DataAccess'), roleArn(MESH, 'NoKms')] }, Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`] }],
  };
  await producerS3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify(bucketPolicy) }));
});

afterAll(async () => {
  for (const client of destroyables) client.destroy();
  await emu.close();
});

describe('CreateKey, DescribeKey, GetKeyPolicy, PutKeyPolicy', () => {
  it('creates a key with the default key policy: the account root allowed kms:* ("Default key policy")', async () => {
    const created = await producerKms.send(new CreateKeyCommand({ Description: 'orders' }));
    const meta = created.KeyMetadata!;
    expect(meta).toMatchObject({ AWSAccountId: PRODUCER, KeyState: 'Enabled', Enabled: true, KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', KeyManager: 'CUSTOMER', Description: 'orders' });
    expect(meta.Arn).toBe(`arn:aws:kms:${SANDBOX_REGION}:${PRODUCER}:key/${meta.KeyId}`);
    expect(meta.CreationDate).toBeInstanceOf(Date);
    const got = await producerKms.send(new GetKeyPolicyCommand({ KeyId: meta.KeyId, PolicyName: 'default' }));
    expect(got.PolicyName).toBe('default');
    expect(JSON.parse(got.Policy!)).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root(PRODUCER) }, Action: 'kms:*', Resource: '*' }],
    });
    expect(emu.world.kmsKeys[PRODUCER]?.[meta.KeyId!]?.state).toBe('Enabled');
  });

  it('describes a key by key id and by key ARN', async () => {
    const { KeyMetadata } = await producerKms.send(new CreateKeyCommand({}));
    const byId = await producerKms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }));
    const byArn = await producerKms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.Arn }));
    expect(byId.KeyMetadata?.Arn).toBe(KeyMetadata!.Arn);
    expect(byArn.KeyMetadata?.KeyId).toBe(KeyMetadata!.KeyId);
  });

  it('answers NotFoundException for a key that does not exist, an identifier of no key, an alias', async () => {
    const missing = await failure(producerKms.send(new DescribeKeyCommand({ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' })));
    expect(missing.name).toBe('NotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(400);
    expect(missing.message).toBe(`Key 'arn:aws:kms:${SANDBOX_REGION}:${PRODUCER}:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist`);
    const invalid = await failure(producerKms.send(new GetKeyPolicyCommand({ KeyId: 'not-a-key' })));
    expect(invalid).toMatchObject({ name: 'NotFoundException', message: 'Invalid keyId not-a-key' });
    const alias = await failure(producerKms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' })));
    expect(alias).toMatchObject({ name: 'NotFoundException', message: `Alias arn:aws:kms:${SANDBOX_REGION}:${PRODUCER}:alias/orders is not found.` });
  });

  it('puts and gets the key policy; refuses malformed policies, invalid principals and a lockout (MalformedPolicyDocumentException)', async () => {
    const { KeyMetadata } = await producerKms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    const policy = keyPolicy([use(root(MESH))]);
    await producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: policy }));
    expect((await producerKms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(policy);

    const notJson = await failure(producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: 'not a policy' })));
    expect(notJson.name).toBe('MalformedPolicyDocumentException');
    expect(notJson.$metadata.httpStatusCode).toBe(400);
    const noPrincipal = await failure(producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }) })));
    expect(noPrincipal.name).toBe('MalformedPolicyDocumentException');
    const ghost = await failure(producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicy([use(roleArn(MESH, 'NoSuchRole'))]) })));
    expect(ghost).toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Policy contains a statement with one or more invalid principals.' });
    const lockout = await failure(producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicy([use(root(MESH))], false) })));
    expect(lockout).toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'The new key policy will not allow you to update the key policy in the future.' });
    // Nothing refused was stored.
    expect((await producerKms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(policy);
    await producerKms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicy([use(root(MESH))], false), BypassPolicyLockoutSafetyCheck: true }));
    // Locked out now: the producer's admin is no longer allowed by the key policy.
    const locked = await failure(producerKms.send(new GetKeyPolicyCommand({ KeyId: keyId })));
    expect(locked.name).toBe('AccessDeniedException');

    const otherName = await failure(kmsAs('producer').send(new GetKeyPolicyCommand({ KeyId: (await producerKms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId, PolicyName: 'other' })));
    expect(otherName.name).toBe('NotFoundException');
  });

  it('authorizes KMS calls with the key policy: another account needs the key policy to allow it (AccessDeniedException, 400)', async () => {
    const { KeyMetadata } = await producerKms.send(new CreateKeyCommand({}));
    const meshKms = kmsAs('mesh');
    const refused = await failure(meshKms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.Arn })));
    expect(refused.name).toBe('AccessDeniedException');
    expect(refused.$metadata.httpStatusCode).toBe(400);
    expect(refused.message).toBe(`User: arn:aws:iam::${MESH}:user/sandbox-admin is not authorized to perform: kms:DescribeKey on resource: ${KeyMetadata!.Arn} because no resource-based policy allows the kms:DescribeKey action`);
    await producerKms.send(new PutKeyPolicyCommand({ KeyId: KeyMetadata!.KeyId, Policy: keyPolicy([use(root(MESH))]) }));
    expect((await meshKms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.Arn }))).KeyMetadata?.KeyId).toBe(KeyMetadata!.KeyId);
    // A key id alone is looked up in the caller's account.
    expect((await failure(meshKms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId })))).name).toBe('NotFoundException');
    // GetKeyPolicy is not a cross-account operation.
    expect((await failure(meshKms.send(new GetKeyPolicyCommand({ KeyId: KeyMetadata!.Arn })))).name).toBe('AccessDeniedException');
  });

  it('refuses a same-account principal whose identity policy allows, when the key policy does not allow its account (Key policies)', async () => {
    const { KeyMetadata } = await producerKms.send(new CreateKeyCommand({ Policy: keyPolicy([use(root(MESH))], false), BypassPolicyLockoutSafetyCheck: true }));
    const producerRole = kmsAs(await roleSession(PRODUCER, 'KmsAdmin', [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]));
    expect((await failure(producerRole.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId })))).name).toBe('AccessDeniedException');
  });
});

describe('GetObject of an SSE-KMS object across accounts needs kms:Decrypt from the key policy', () => {
  it('allows the mesh role the key policy names (with its identity policy allowing too, as across accounts)', async () => {
    const { objectKey } = await encryptedObject('named-role', keyPolicy([use(roleArn(MESH, 'DataAccess')), use(roleArn(MESH, 'NoKms'))]));
    const got = await meshWithKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: objectKey }));
    expect(await got.Body?.transformToString()).toBe('id\n1\n');
    expect(got.ServerSideEncryption).toBe('aws:kms');
    // Across accounts a key policy naming the role is not enough without the role's own permission.
    const refused = await failure(meshWithoutKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: objectKey })));
    expect(refused).toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('kms:Decrypt') as unknown });
  });

  it("allows through the mesh account's root in the key policy when the role's identity policy allows kms:Decrypt", async () => {
    const { objectKey } = await encryptedObject('mesh-root', keyPolicy([use(root(MESH))]));
    expect(await (await meshWithKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: objectKey }))).Body?.transformToString()).toBe('id\n1\n');
  });

  it("refuses through the mesh account's root when the role's identity policy does not allow kms:Decrypt: AccessDenied, 403", async () => {
    const { keyArn, objectKey } = await encryptedObject('mesh-root-no-iam', keyPolicy([use(root(MESH))]));
    const refused = await failure(meshWithoutKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: objectKey })));
    expect(refused.name).toBe('AccessDenied');
    expect(refused.$metadata.httpStatusCode).toBe(403);
    expect(refused.message).toMatch(new RegExp(`^User: arn:aws:sts::${MESH}:assumed-role/NoKms/session is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action$`));
    // HeadObject reads no data: no KMS permission needed.
    expect((await meshWithoutKms.send(new HeadObjectCommand({ Bucket: BUCKET, Key: objectKey }))).ServerSideEncryption).toBe('aws:kms');
  });

  it('refuses a key policy that does not mention the mesh account, even with an identity policy allowing', async () => {
    const { keyArn, objectKey } = await encryptedObject('producer-only', keyPolicy([]));
    const refused = await failure(meshWithKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: objectKey })));
    expect(refused.name).toBe('AccessDenied');
    expect(refused.message).toBe(`User: arn:aws:sts::${MESH}:assumed-role/DataAccess/session is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no resource-based policy allows the kms:Decrypt action`);
  });

  it("within the key's account: the key policy naming the role suffices; root alone needs the identity policy; no mention refuses", async () => {
    const withKms = s3As(await roleSession(PRODUCER, 'ReaderWithKms', [S3_ALL, { Effect: 'Allow', Action: 'kms:*', Resource: '*' }]));
    const withoutKms = s3As(await roleSession(PRODUCER, 'ReaderNoKms', [S3_ALL]));
    const named = await encryptedObject('same-named', keyPolicy([use(roleArn(PRODUCER, 'ReaderNoKms'))]));
    expect((await withoutKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: named.objectKey }))).ServerSideEncryption).toBe('aws:kms');
    const rootOnly = await encryptedObject('same-root', keyPolicy([]));
    expect((await withKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: rootOnly.objectKey }))).ServerSideEncryption).toBe('aws:kms');
    expect((await failure(withoutKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: rootOnly.objectKey })))).name).toBe('AccessDenied');
    const elsewhere = await encryptedObject('same-unmentioned', keyPolicy([use(root(MESH))], false), true);
    expect((await failure(withKms.send(new GetObjectCommand({ Bucket: BUCKET, Key: elsewhere.objectKey })))).name).toBe('AccessDenied');
  });
});

describe('PutObject with SSE-KMS needs kms:GenerateDataKey', () => {
  it('encrypts with the bucket default key when the key policy lets the mesh role, and answers the key ARN', async () => {
    const { keyArn } = await encryptedObject('default-allowed', keyPolicy([use(root(MESH))]));
    await producerS3.send(new PutBucketEncryptionCommand({ Bucket: BUCKET, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] } }));
    const put = await meshWithKms.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'written/by-mesh.csv', Body: 'x' }));
    expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    const refused = await failure(meshWithoutKms.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'written/refused.csv', Body: 'x' })));
    expect(refused.name).toBe('AccessDenied');
    expect(refused.message).toContain('kms:GenerateDataKey');
    expect(emu.world.buckets[BUCKET]?.objects['written/refused.csv']).toBeUndefined();
  });

  it('refuses an explicit key the key policy does not let the caller use', async () => {
    const { keyArn } = await encryptedObject('explicit-refused', keyPolicy([]));
    const refused = await failure(meshWithKms.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'written/explicit.csv', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn })));
    expect(refused).toMatchObject({ name: 'AccessDenied', message: expect.stringContaining(`kms:GenerateDataKey on resource: ${keyArn}`) as unknown });
  });

  it('answers KMS.NotFoundException, 400, for a key that does not exist', async () => {
    const ghost = `arn:aws:kms:${SANDBOX_REGION}:${PRODUCER}:key/02de8641-eea1-4115-8aa2-daf8b1e9b52f`;
    const refused = await failure(producerS3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'written/ghost.csv', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: ghost })));
    expect(refused.name).toBe('KMS.NotFoundException');
    expect(refused.$metadata.httpStatusCode).toBe(400);
    expect(refused.message).toBe(`Key '${ghost}' does not exist`);
  });
});

describe('world', () => {
  it('loads a world saved before KMS with no keys', () => {
    const { kmsKeys: _keys, ...older } = structuredClone(emu.world);
    expect(WorldSchema.parse(older).kmsKeys).toEqual({});
  });
});
