import { describe, expect, it } from 'vitest';
import { ROLE_NAMES, producerRoleInMesh } from '../../../src/mesh/domain/account-roles';
import { WorldSchema } from '../../../src/sandbox/aws/world';
import { createSeedWorld } from '../../../src/sandbox/seed/create-seed-world';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';

const NOW = Date.parse('2026-01-15T09:00:00Z');
const world = createSeedWorld({ now: NOW });
const { mesh, producer, consumer } = SANDBOX_ACCOUNTS;

describe('createSeedWorld', () => {
  it('is a valid world, the same for the same clock', () => {
    expect(WorldSchema.parse(world)).toEqual(world);
    expect(createSeedWorld({ now: NOW })).toEqual(world);
  });

  it('has the three accounts, no Organization, and the Meshbot roles where the CDK stacks put them', () => {
    expect(world.organization).toBeNull();
    expect(Object.keys(world.accounts[mesh.id]!.roles).sort()).toEqual([ROLE_NAMES.bot, ROLE_NAMES.meshAdmin, ROLE_NAMES.meshReadOnly, producerRoleInMesh(producer.id)].sort());
    expect(Object.keys(world.accounts[producer.id]!.roles)).toEqual([ROLE_NAMES.producer]);
    expect(Object.keys(world.accounts[consumer.id]!.roles)).toEqual([ROLE_NAMES.consumer]);
  });

  it('lets only the bot role assume the Meshbot roles, with a required SourceIdentity', () => {
    const roles = Object.values(world.accounts).flatMap((a) => Object.values(a.roles)).filter((r) => r.name !== ROLE_NAMES.bot);
    expect(roles).toHaveLength(5);
    for (const role of roles) expect(role.trust).toEqual({ principals: [SANDBOX_ROLE_ARNS.bot], allowSourceIdentity: true, requireSourceIdentity: true });
    expect(world.accounts[mesh.id]!.roles[ROLE_NAMES.bot]!.trust.principals).toEqual([mesh.id]);
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
