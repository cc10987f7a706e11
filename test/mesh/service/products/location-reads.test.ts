import { GetDatabasesCommand, GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import { ListResourcesCommand } from '@aws-sdk/client-lakeformation';
import { CreateKeyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { DeleteBucketEncryptionCommand, DeleteBucketPolicyCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bucketReadStatement } from '../../../../infra/bucket-read-statement';
import { AccountNotReadyError } from '../../../../src/mesh/errors';
import { enableAccount } from '../../../../src/mesh/service/accounts/enable-account';
import { publishProduct } from '../../../../src/mesh/service/products/publish-product';
import { SANDBOX_PRODUCER_BUCKET } from '../../../../src/sandbox/seed/create-seed-world';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { s3Pool, type S3Pool } from '../../../sandbox/aws/s3/s3-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';

// Publishing registers the producer's S3 locations in the mesh account, read by MeshbotDataAccess; a
// bucket whose policy does not let that role in would give every query an access error. The publish
// checks it first, and refuses (creating nothing) naming the bucket and what is missing.

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const BUCKET = SANDBOX_PRODUCER_BUCKET;

let world: MeshWorld;
let pool: ClientPool;
let s3: S3Pool;
let producerS3: S3Client;

const statement = (prefix: string) => bucketReadStatement({ meshAccountId: MESH, bucket: BUCKET, prefix });
const putPolicy = (statements: object[]) => producerS3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
const publish = () => publishProduct(world.deps, world.ctx(USERS.pat), { producerAccountId: PRODUCER, sourceDatabase: 'telco', tablePattern: 'usecase*' });
const meshDatabases = async () => ((await pool.as('mesh').glue.send(new GetDatabasesCommand({ CatalogId: MESH }))).DatabaseList ?? []).map((d) => d.Name);
const registered = async () => ((await pool.as('mesh').lf.send(new ListResourcesCommand({}))).ResourceInfoList ?? []).map((r) => r.ResourceArn);

beforeAll(async () => {
  world = await startMeshWorld();
  pool = clientPool(world.emu);
  s3 = s3Pool(world.emu);
  producerS3 = s3.as('producer');
  await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: PRODUCER, as: 'producer' });
});

afterEach(async () => {
  await putPolicy([statement('')]);
});

afterAll(async () => {
  s3.destroy();
  pool.destroy();
  await world.close();
});

/** The publish is refused as not ready, with this sentence, and nothing is created or registered. */
async function expectRefused(sentence: string | RegExp): Promise<void> {
  const attempt = publish();
  await expect(attempt).rejects.toBeInstanceOf(AccountNotReadyError);
  await expect(publish()).rejects.toThrow(sentence);
  await expect(publish()).rejects.toMatchObject({ hint: 'add the statement of the deploy guide ("Where the data is read from") to each bucket\'s policy, then publish again' });
  expect(await meshDatabases()).toEqual([]);
  expect(await registered()).toEqual([]);
}

describe('publishing from a bucket the mesh cannot read', () => {
  it('is refused when the bucket has no policy', async () => {
    await producerS3.send(new DeleteBucketPolicyCommand({ Bucket: BUCKET }));
    await expectRefused(`bucket ${BUCKET} has no bucket policy, so Lake Formation in the mesh account (as arn:aws:iam::${MESH}:role/MeshbotDataAccess) cannot read s3://${BUCKET}/`);
  });

  it('is refused when the policy lets someone else in', async () => {
    await putPolicy([{ ...statement(''), Principal: { AWS: `arn:aws:iam::${MESH}:role/MeshbotMeshReadOnly` } }]);
    await expectRefused(`the policy of bucket ${BUCKET} names neither arn:aws:iam::${MESH}:role/MeshbotDataAccess nor its account, so Lake Formation in the mesh account cannot read s3://${BUCKET}/`);
  });

  it('is refused when the role’s own policies do not allow the reads (a mesh stack that does not list this producer)', async () => {
    const role = world.emu.world.accounts[MESH]!.roles.MeshbotDataAccess!;
    const deployed = role.policies;
    role.policies = { MeshbotDataAccess: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::*' }] } };
    try {
      await expectRefused(`IAM does not let arn:aws:iam::${MESH}:role/MeshbotDataAccess s3:GetObject s3://${BUCKET}/ (its own policies); deploy the mesh stack with this producer in producerAccountIds`);
    } finally {
      role.policies = deployed;
    }
  });

  it('is refused when a table lies in a bucket that does not exist', async () => {
    const producer = pool.as('producer');
    const { Table } = await producer.glue.send(new GetTableCommand({ DatabaseName: 'telco', Name: 'usecase1_cell_kpis' }));
    const moved = { Name: 'usecase1_cell_kpis', StorageDescriptor: { ...Table?.StorageDescriptor, Location: 's3://no-such-bucket-111111111111/kpis/' }, PartitionKeys: Table?.PartitionKeys, TableType: Table?.TableType };
    await producer.glue.send(new UpdateTableCommand({ DatabaseName: 'telco', TableInput: moved }));
    try {
      await expectRefused(`bucket no-such-bucket-111111111111 of s3://no-such-bucket-111111111111/kpis does not exist in account ${PRODUCER}`);
    } finally {
      await producer.glue.send(new UpdateTableCommand({ DatabaseName: 'telco', TableInput: { ...moved, StorageDescriptor: Table?.StorageDescriptor } }));
    }
  });

  it('is refused when the bucket encrypts with a producer key whose policy does not let the mesh in, and goes ahead once it does', async () => {
    const kms = new KMSClient(world.emu.clientConfig('producer'));
    try {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'telco data' }));
      const keyArn = KeyMetadata?.Arn ?? '';
      await producerS3.send(
        new PutBucketEncryptionCommand({ Bucket: BUCKET, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] } }),
      );
      // The default key policy names only the producer account's root.
      await expectRefused(`the policy of KMS key ${keyArn}, which encrypts bucket ${BUCKET}, names neither arn:aws:iam::${MESH}:role/MeshbotDataAccess nor its account, so Lake Formation in the mesh account cannot decrypt what it reads there`);

      const keyPolicy = {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PRODUCER}:root` }, Action: 'kms:*', Resource: '*' },
          { Sid: 'MeshbotLakeFormationDecrypts', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MESH}:role/MeshbotDataAccess` }, Action: ['kms:Decrypt'], Resource: '*' },
        ],
      };
      await kms.send(new PutKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default', Policy: JSON.stringify(keyPolicy) }));
      await expect(publish()).resolves.toMatchObject({ product: { tables: ['usecase1_cell_kpis', 'usecase2_customer_churn'] } });
    } finally {
      await producerS3.send(new DeleteBucketEncryptionCommand({ Bucket: BUCKET }));
      kms.destroy();
    }
  });

  it('goes ahead once the deploy guide’s statement is there, registering the location', async () => {
    const { product } = await publish();
    expect(product.tables).toEqual(['usecase1_cell_kpis', 'usecase2_customer_churn']);
    expect(await registered()).toEqual([`arn:aws:s3:::${BUCKET}`]);
  });
});
