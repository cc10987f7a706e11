import { describe, expect, it } from 'vitest';
import { bucketReadStatement } from '../../../infra/bucket-read-statement';
import { consumerStatements, dataAccessStatements, meshAdminStatements, meshReadOnlyStatements, producerInMeshStatements, producerStatements, queryAccessStatements } from '../../../infra/role-permissions';
import { ASSUME_ACTIONS, assumableRoleArns, assumeMeshbotRolesStatement, dataAccessTrustPolicy, policyDocumentJson } from '../../../infra/role-trust';
import { ROLE_NAMES, producerRoleInMesh } from '../../../src/mesh/domain/account-roles';
import { QUERY_ACCESS_POLICY } from '../../../src/mesh/domain/query-access';
import { WorldSchema } from '../../../src/sandbox/aws/world';
import { createSeedWorld, SANDBOX_PRODUCER_BUCKET } from '../../../src/sandbox/seed/create-seed-world';
import { SANDBOX_ACCOUNTS, SANDBOX_QUERY_ROLE, SANDBOX_QUERY_ROLE_ARN, SANDBOX_REGION, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';

const NOW = Date.parse('2026-01-15T09:00:00Z');
const world = createSeedWorld({ now: NOW });
const { mesh, producer, consumer } = SANDBOX_ACCOUNTS;

describe('createSeedWorld', () => {
  it('is a valid world, the same for the same clock', () => {
    expect(WorldSchema.parse(world)).toEqual(world);
    expect(createSeedWorld({ now: NOW })).toEqual(world);
  });

  it('has the three accounts, no Organization, the Meshbot roles where the CDK stacks put them, and the consumer’s query role', () => {
    expect(world.organization).toBeNull();
    expect(Object.keys(world.accounts[mesh.id]!.roles).sort()).toEqual([ROLE_NAMES.bot, ROLE_NAMES.meshAdmin, ROLE_NAMES.meshReadOnly, producerRoleInMesh(producer.id), ROLE_NAMES.dataAccess].sort());
    expect(Object.keys(world.accounts[producer.id]!.roles)).toEqual([ROLE_NAMES.producer]);
    expect(Object.keys(world.accounts[consumer.id]!.roles)).toEqual([ROLE_NAMES.consumer, SANDBOX_QUERY_ROLE]);
  });

  it('lets only the bot role assume the Meshbot roles, with a required SourceIdentity (the CDK trust policy)', () => {
    const roles = Object.values(world.accounts)
      .flatMap((a) => Object.values(a.roles))
      .filter((r) => r.name !== ROLE_NAMES.bot && r.name !== ROLE_NAMES.dataAccess && r.name !== SANDBOX_QUERY_ROLE);
    expect(roles).toHaveLength(5);
    for (const role of roles) {
      expect(role.trustPolicy).toEqual({
        Version: '2012-10-17',
        Statement: [{ Sid: 'OnlyMeshbotBotWithSourceIdentity', Effect: 'Allow', Principal: { AWS: SANDBOX_ROLE_ARNS.bot }, Action: ASSUME_ACTIONS, Condition: { StringLike: { 'sts:SourceIdentity': '*' } } }],
      });
    }
    // MeshbotBot as the mesh stack makes it with localBotPrincipals = the mesh account's sandbox-admin.
    expect(world.accounts[mesh.id]!.roles[ROLE_NAMES.bot]!.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${mesh.id}:user/sandbox-admin` }, Action: 'sts:AssumeRole' }],
    });
  });

  it('gives each role the identity policy the CDK stacks deploy, built by the same functions', () => {
    const site = { region: SANDBOX_REGION, meshAccountId: mesh.id };
    const policy = (accountId: string, name: string) => world.accounts[accountId]!.roles[name]!.policies;
    expect(policy(mesh.id, ROLE_NAMES.meshAdmin)).toEqual({ MeshbotPermissions: policyDocumentJson(meshAdminStatements(site)) });
    expect(policy(mesh.id, ROLE_NAMES.meshReadOnly)).toEqual({ MeshbotPermissions: policyDocumentJson(meshReadOnlyStatements(site)) });
    expect(policy(mesh.id, producerRoleInMesh(producer.id))).toEqual({ MeshbotPermissions: policyDocumentJson(producerInMeshStatements(site)) });
    expect(policy(producer.id, ROLE_NAMES.producer)).toEqual({ MeshbotPermissions: policyDocumentJson(producerStatements({ ...site, accountId: producer.id })) });
    expect(policy(consumer.id, ROLE_NAMES.consumer)).toEqual({ MeshbotPermissions: policyDocumentJson(consumerStatements({ ...site, accountId: consumer.id })) });
    const assumable = assumableRoleArns({ meshAccountId: mesh.id, producerAccountIds: [producer.id], consumerAccountIds: [consumer.id] });
    expect(Object.values(policy(mesh.id, ROLE_NAMES.bot))).toEqual([policyDocumentJson([assumeMeshbotRolesStatement(assumable)])]);
    // Lake Formation's data access role: trusted by the service only, reaching only the producer's buckets.
    expect(world.accounts[mesh.id]!.roles[ROLE_NAMES.dataAccess]).toMatchObject({
      trustPolicy: dataAccessTrustPolicy(),
      policies: { MeshbotDataAccess: policyDocumentJson(dataAccessStatements({ producerAccountIds: [producer.id], region: SANDBOX_REGION })) },
    });
    for (const account of Object.values(world.accounts)) {
      expect(account.adminUser.policies).toEqual({ AdministratorAccess: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } });
    }
  });

  it('keeps the sample tables in the producer’s bucket, whose policy holds the deploy guide’s statement for MeshbotDataAccess', () => {
    const bucket = world.buckets[SANDBOX_PRODUCER_BUCKET]!;
    expect(bucket).toMatchObject({ ownerAccountId: producer.id, objects: {} });
    expect(JSON.parse(bucket.policy ?? '{}')).toEqual({ Version: '2012-10-17', Statement: [bucketReadStatement({ meshAccountId: mesh.id, bucket: SANDBOX_PRODUCER_BUCKET, prefix: '' })] });
    const locations = Object.values(world.catalogs[producer.id]!.databases.telco!.tables).map((t) => t.StorageDescriptor?.Location);
    expect(locations.every((l) => l?.startsWith(`s3://${SANDBOX_PRODUCER_BUCKET}/`))).toBe(true);
  });

  it('gives the consumer’s query role Analyst the policy the consumer stack attaches, and lets the account’s admin user take it', () => {
    const analyst = world.accounts[consumer.id]!.roles[SANDBOX_QUERY_ROLE]!;
    expect(analyst.arn).toBe('arn:aws:iam::999999999999:role/Analyst');
    expect(SANDBOX_QUERY_ROLE_ARN).toBe(analyst.arn);
    expect(analyst.policies).toEqual({ [QUERY_ACCESS_POLICY]: policyDocumentJson(queryAccessStatements({ region: SANDBOX_REGION, meshAccountId: mesh.id, accountId: consumer.id })) });
    expect(analyst.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${consumer.id}:user/sandbox-admin` }, Action: 'sts:AssumeRole' }],
    });
  });

  it('makes the admin user and the account role data lake admins, with no IAM_ALLOWED_PRINCIPALS defaults', () => {
    const admins = (id: string): string[] => world.dataLakeSettings[id]!.DataLakeAdmins.map((a) => a.DataLakePrincipalIdentifier);
    expect(admins(mesh.id)).toEqual([`arn:aws:iam::${mesh.id}:user/sandbox-admin`, SANDBOX_ROLE_ARNS.meshAdmin]);
    expect(admins(producer.id)).toContain(SANDBOX_ROLE_ARNS.producer);
    expect(admins(consumer.id)).toContain(SANDBOX_ROLE_ARNS.consumer);
    for (const settings of Object.values(world.dataLakeSettings)) {
      expect(settings).toMatchObject({ CreateDatabaseDefaultPermissions: [], CreateTableDefaultPermissions: [], Parameters: { CROSS_ACCOUNT_VERSION: '4' } });
    }
  });

  it('seeds the producer telco database; usecase* selects two of its three tables', () => {
    const telco = world.catalogs[producer.id]!.databases.telco!;
    expect(telco.database.LocationUri).toBe('s3://producer-111111111111-telco/');
    const names = Object.keys(telco.tables);
    expect(names.filter((n) => n.startsWith('usecase')).sort()).toEqual(['usecase1_cell_kpis', 'usecase2_customer_churn']);
    expect(names).toHaveLength(3);
    for (const table of Object.values(telco.tables)) {
      expect(table.StorageDescriptor?.Location).toBe(`s3://producer-111111111111-telco/${table.Name}/`);
      expect(table.StorageDescriptor?.SerdeInfo).toMatchObject({ SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' });
      expect(table.CreateTime).toBe(NOW / 1000);
    }
    expect(telco.tables.usecase1_cell_kpis?.PartitionKeys?.map((k) => k.Name)).toEqual(['year', 'month', 'day']);
  });
});
