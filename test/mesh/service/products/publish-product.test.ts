import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  CreateTableCommand,
  DeleteTableCommand,
  GetDatabasesCommand,
  GetTableCommand,
  GetTablesCommand,
  paginateGetPartitions,
  UpdatePartitionCommand,
  UpdateTableCommand,
  type Partition,
  type Table,
} from '@aws-sdk/client-glue';
import { DescribeResourceCommand, GetDataLakeSettingsCommand, ListPermissionsCommand, PutDataLakeSettingsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackUser } from '../../../../src/mesh/domain/slack-user';
import { AccountNotEnabledError, InvalidInputError, NotAuthorizedError } from '../../../../src/mesh/errors';
import { enableAccount } from '../../../../src/mesh/service/accounts/enable-account';
import { mirrorTableInput } from '../../../../src/mesh/service/products/mirror-table';
import { mirrorPartitionInput } from '../../../../src/mesh/service/products/partition-diff';
import { publishProduct } from '../../../../src/mesh/service/products/publish-product';
import { syncProduct } from '../../../../src/mesh/service/products/sync-product';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool, type ServiceClients } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { grantsTo } from '../../../support/grants-to';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const MESH_DB = `telco-${PRODUCER}`;
const USECASES = ['usecase1_cell_kpis', 'usecase2_customer_churn'];

let world: MeshWorld;
let pool: ClientPool;
let meshAdmin: ServiceClients;
let producerAdmin: ServiceClients;

beforeAll(async () => {
  world = await startMeshWorld();
  pool = clientPool(world.emu);
  meshAdmin = pool.as('mesh');
  producerAdmin = pool.as('producer');
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

const publishUsecases = (user: SlackUser = USERS.pat) => publishProduct(world.deps, world.ctx(user), { producerAccountId: PRODUCER, sourceDatabase: 'telco', tablePattern: 'usecase*' });
const meshDatabases = async (): Promise<string[]> => ((await meshAdmin.glue.send(new GetDatabasesCommand({ CatalogId: MESH }))).DatabaseList ?? []).map((d) => d.Name ?? '');
const tablesOf = async (clients: ServiceClients, catalogId: string, database: string): Promise<Table[]> =>
  (await clients.glue.send(new GetTablesCommand({ CatalogId: catalogId, DatabaseName: database }))).TableList ?? [];
const partitionsOf = async (clients: ServiceClients, catalogId: string, database: string, table: string): Promise<Partition[]> => {
  const all: Partition[] = [];
  for await (const page of paginateGetPartitions({ client: clients.glue }, { CatalogId: catalogId, DatabaseName: database, TableName: table })) all.push(...(page.Partitions ?? []));
  return all;
};
/** Partitions as mirrored definitions, by their values. */
const mirroredPartitions = async (clients: ServiceClients, catalogId: string, database: string, table: string): Promise<string[]> =>
  (await partitionsOf(clients, catalogId, database, table)).map((p) => JSON.stringify(mirrorPartitionInput(p))).sort();
const createCalls = (): string[] => world.emu.controls.calls.list().filter((c) => c.operation.startsWith('Create')).map((c) => `${c.accountId}:${c.operation}`);

describe('publishing before the account is enabled', () => {
  it('is refused with AccountNotEnabledError, and nothing is created', async () => {
    await expect(publishUsecases()).rejects.toBeInstanceOf(AccountNotEnabledError);
    expect(await meshDatabases()).toEqual([]);
  });
});

describe('publishing telco usecase*', () => {
  beforeAll(async () => {
    await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: PRODUCER, as: 'producer' });
  });

  it('refuses a consumer and an unmapped user, and creates nothing', async () => {
    await expect(publishUsecases(USERS.casey)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(publishUsecases(USERS.stranger)).rejects.toThrow(/not mapped as a producer of account 111111111111/);
    expect(await meshDatabases()).toEqual([]);
    expect(await world.deps.stores.products.get(MESH_DB)).toBeUndefined();
  });

  it('refuses to publish when the source location cannot be registered in the mesh account, and creates nothing', async () => {
    const { DataLakeSettings: settings } = await meshAdmin.lf.send(new GetDataLakeSettingsCommand({}));
    const admins = settings?.DataLakeAdmins ?? [];
    await meshAdmin.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings: { ...settings, DataLakeAdmins: admins.filter((a) => a.DataLakePrincipalIdentifier !== SANDBOX_ROLE_ARNS.meshAdmin) } }));
    try {
      await expect(publishUsecases()).rejects.toThrow(/^AWS refused to register arn:aws:s3:::producer-111111111111-telco with Lake Formation in account 555555555555 \(as MeshbotMeshAdmin in 555555555555\)/);
      expect(await meshDatabases()).toEqual([]);
      expect(await world.deps.stores.products.get(MESH_DB)).toBeUndefined();
    } finally {
      await meshAdmin.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings: { ...settings, DataLakeAdmins: admins } }));
    }
  });

  it('refuses a pattern that matches nothing, listing the tables of the database', async () => {
    const attempt = publishProduct(world.deps, world.ctx(USERS.pat), { producerAccountId: PRODUCER, sourceDatabase: 'telco', tablePattern: 'billing*' });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(publishProduct(world.deps, world.ctx(USERS.pat), { producerAccountId: PRODUCER, sourceDatabase: 'telco', tablePattern: 'billing*' })).rejects.toThrow(
      'no table of telco matches billing*; its tables are: cell_towers, usecase1_cell_kpis, usecase2_customer_churn',
    );
    expect(await meshDatabases()).toEqual([]);
  });

  it('creates the mesh database with exactly the two usecase tables, mirroring columns, partition keys and location', async () => {
    world.emu.controls.calls.clear();
    const ctx = world.ctx(USERS.pat);
    const { product, summary } = await publishProduct(world.deps, ctx, { producerAccountId: PRODUCER, sourceDatabase: 'telco', tablePattern: 'usecase*' });
    const publishCalls = world.emu.controls.calls.list();

    // Every call of the publish names the publisher and the request, so CloudTrail does too.
    const calls = publishCalls.filter((c) => c.service !== 'sts');
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.sourceIdentity))).toEqual(new Set([USERS.pat.userId]));
    expect(new Set(calls.map((c) => c.sessionName))).toEqual(new Set([`meshbot-${ctx.requestId}`]));
    expect(new Set(calls.map((c) => `${c.accountId}:${c.roleName ?? ''}`))).toEqual(new Set([`${PRODUCER}:MeshbotProducer`, `${MESH}:MeshbotProducer-${PRODUCER}`, `${MESH}:MeshbotMeshAdmin`]));
    // The mesh's data lake admin registers the source location before any mesh table points at it,
    // once IAM says MeshbotDataAccess may list the bucket and read its objects (the producer's role read the bucket policy).
    expect(calls.filter((c) => c.roleName === 'MeshbotMeshAdmin').map((c) => c.operation)).toEqual(['ListResources', 'SimulatePrincipalPolicy', 'SimulatePrincipalPolicy', 'RegisterResource', 'GrantPermissions']);
    expect(calls.filter((c) => c.operation === 'GetBucketPolicy').map((c) => c.roleName)).toEqual(['MeshbotProducer']);
    expect(calls.findIndex((c) => c.operation === 'RegisterResource')).toBeLessThan(calls.findIndex((c) => c.operation === 'CreateTable'));


    expect(summary).toMatchObject({ tables: USECASES, created: USECASES, updated: [], unchanged: [], gone: [], linksCreated: USECASES.map((t) => `${t}_link`), databaseCreated: true });
    // One registration of the source database's location covers both tables.
    const location = `arn:aws:s3:::producer-${PRODUCER}-telco`;
    expect(summary).toMatchObject({ locations: [location], locationsRegistered: [location] });
    const { ResourceInfo } = await meshAdmin.lf.send(new DescribeResourceCommand({ ResourceArn: location }));
    expect(ResourceInfo?.RoleArn).toBe(`arn:aws:iam::${MESH}:role/MeshbotDataAccess`);
    const onLocation = await meshAdmin.lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource: { DataLocation: { ResourceArn: location } } }));
    expect(onLocation.PrincipalResourcePermissions?.flatMap((r) => r.Permissions)).toEqual(['DATA_LOCATION_ACCESS']);
    expect(await meshDatabases()).toEqual([MESH_DB]);
    const source = new Map((await tablesOf(producerAdmin, PRODUCER, 'telco')).map((t) => [t.Name, t]));
    const mirrored = await tablesOf(meshAdmin, MESH, MESH_DB);
    expect(mirrored.map((t) => t.Name)).toEqual(USECASES);
    for (const table of mirrored) {
      const original = source.get(table.Name)!;
      expect(table.StorageDescriptor?.Columns).toEqual(original.StorageDescriptor?.Columns);
      expect(table.PartitionKeys).toEqual(original.PartitionKeys);
      expect(table.StorageDescriptor?.Location).toBe(original.StorageDescriptor?.Location);
      expect(mirrorTableInput(table)).toEqual(mirrorTableInput(original));
      // Athena reads only the partitions the catalog lists: the mesh table lists the source's.
      const sourcePartitions = await mirroredPartitions(producerAdmin, PRODUCER, 'telco', table.Name!);
      expect(sourcePartitions.length).toBeGreaterThan(10);
      expect(await mirroredPartitions(meshAdmin, MESH, MESH_DB, table.Name!)).toEqual(sourcePartitions);
    }
    expect(summary.partitions).toEqual({ added: 72, updated: 0, dropped: 0 });
    // One BatchCreatePartition per 100 partitions of a table: 36 each here.
    expect(publishCalls.filter((c) => c.operation === 'BatchCreatePartition')).toHaveLength(2);

    expect(product).toMatchObject({
      id: MESH_DB,
      name: MESH_DB,
      producerAccountId: PRODUCER,
      sourceDatabase: 'telco',
      meshDatabase: MESH_DB,
      tablePattern: 'usecase*',
      tables: USECASES,
      owners: [USERS.pat],
      offeredPermissions: ['SELECT', 'DESCRIBE'],
      publicMetadata: true,
      syncEveryHours: 4,
      publishedBy: USERS.pat,
      version: 1,
    });
    expect(await world.deps.stores.products.get(MESH_DB)).toEqual(product);
  });

  it('links the tables back into telco: GetTable as the producer role answers the mesh schema', async () => {
    const producerRole = pool.as(await world.emu.assumeRole(SANDBOX_ROLE_ARNS.producer));
    for (const name of USECASES) {
      const { Table } = await producerRole.glue.send(new GetTableCommand({ CatalogId: PRODUCER, DatabaseName: 'telco', Name: `${name}_link` }));
      const { Table: meshTable } = await meshAdmin.glue.send(new GetTableCommand({ CatalogId: MESH, DatabaseName: MESH_DB, Name: name }));
      expect(Table?.TargetTable).toEqual({ CatalogId: MESH, DatabaseName: MESH_DB, Name: name });
      expect(Table?.StorageDescriptor?.Columns).toEqual(meshTable?.StorageDescriptor?.Columns);
    }
  });

  it('lets the mesh read-only role DESCRIBE the database and both tables', async () => {
    const rows = (await grantsTo(meshAdmin.lf, SANDBOX_ROLE_ARNS.meshReadOnly, MESH)).map((r) => [r.Resource?.Database?.Name ?? r.Resource?.Table?.Name, r.Permissions]);
    expect(rows).toEqual([
      [MESH_DB, ['DESCRIBE']],
      [USECASES[0], ['DESCRIBE']],
      [USECASES[1], ['DESCRIBE']],
    ]);
    const readOnly = pool.as(await world.emu.assumeRole(SANDBOX_ROLE_ARNS.meshReadOnly));
    expect((await tablesOf(readOnly, MESH, MESH_DB)).map((t) => t.Name)).toEqual(USECASES);
  });

  it('changes nothing when published again: no Create call, the same tables and grants, and no new version nor history line', async () => {
    const grantsBefore = (await meshAdmin.lf.send(new ListPermissionsCommand({ CatalogId: MESH }))).PrincipalResourcePermissions;
    world.emu.controls.calls.clear();
    const { product, summary, outcome } = await publishUsecases();

    expect(outcome).toBe('unchanged');
    expect(createCalls()).toEqual([]);
    expect(summary).toMatchObject({
      created: [],
      updated: [],
      unchanged: USECASES,
      gone: [],
      deselected: [],
      linksCreated: [],
      linkConflicts: [],
      invitationsAccepted: 0,
      databaseCreated: false,
      partitions: { added: 0, updated: 0, dropped: 0 },
      locations: [`arn:aws:s3:::producer-${PRODUCER}-telco`],
      locationsRegistered: [],
    });
    expect(world.emu.controls.calls.list().filter((c) => c.operation.startsWith('Batch') && c.operation.endsWith('Partition'))).toEqual([]);
    expect(product).toMatchObject({ version: 1, tables: USECASES, owners: [USERS.pat] });
    expect(product.history).toHaveLength(1);
    expect(await world.deps.stores.products.get(MESH_DB)).toEqual(product);
    expect((await meshAdmin.lf.send(new ListPermissionsCommand({ CatalogId: MESH }))).PrincipalResourcePermissions).toEqual(grantsBefore);
    expect((await tablesOf(producerAdmin, PRODUCER, 'telco')).map((t) => t.Name)).toEqual(['cell_towers', ...USECASES, ...USECASES.map((t) => `${t}_link`)].sort());
  });

  it('keeps the owners on a re-publish by another producer unless new ones are given', async () => {
    const { product } = await publishUsecases(USERS.sam);
    expect(product.owners).toEqual([USERS.pat]);
    expect(product.publishedBy).toEqual(USERS.pat);
  });
});

describe('bringing source changes over', () => {
  const newTable = 'usecase3_network_events';

  it('sync mirrors new, changed and dropped partitions of the source, and only those', async () => {
    const table = USECASES[0]!;
    const [first, second] = await partitionsOf(producerAdmin, PRODUCER, 'telco', table);
    const added = { ...mirrorPartitionInput(first!), Values: ['2025', '01', '01'], StorageDescriptor: { ...first!.StorageDescriptor, Location: 's3://producer-111111111111-telco/cell_kpis/year=2025/month=01/day=01/' } };
    await producerAdmin.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'telco', TableName: table, PartitionInputList: [added] }));
    await producerAdmin.glue.send(
      new UpdatePartitionCommand({ DatabaseName: 'telco', TableName: table, PartitionValueList: second!.Values!, PartitionInput: { ...mirrorPartitionInput(second!), Parameters: { recrawled: 'true' } } }),
    );
    await producerAdmin.glue.send(new BatchDeletePartitionCommand({ DatabaseName: 'telco', TableName: table, PartitionsToDelete: [{ Values: first!.Values! }] }));

    const report = await syncProduct(world.deps, world.ctx(USERS.pat), { productId: MESH_DB });

    expect(report.partitions).toEqual({ added: 1, updated: 1, dropped: 1 });
    expect(report.changedAnything).toBe(true);
    expect(await mirroredPartitions(meshAdmin, MESH, MESH_DB, table)).toEqual(await mirroredPartitions(producerAdmin, PRODUCER, 'telco', table));
  });

  it('sync adds a new matching table and a new column, links the new table, and reports both', async () => {
    const { Table } = await producerAdmin.glue.send(new GetTableCommand({ DatabaseName: 'telco', Name: USECASES[0] }));
    const input = mirrorTableInput(Table!);
    input.StorageDescriptor!.Columns!.push({ Name: 'energy_kwh', Type: 'double', Comment: 'Energy drawn in the hour' });
    await producerAdmin.glue.send(new UpdateTableCommand({ DatabaseName: 'telco', TableInput: input }));
    await producerAdmin.glue.send(
      new CreateTableCommand({
        DatabaseName: 'telco',
        TableInput: {
          Name: newTable,
          TableType: 'EXTERNAL_TABLE',
          PartitionKeys: [{ Name: 'day', Type: 'string' }],
          StorageDescriptor: { Columns: [{ Name: 'event_id', Type: 'string' }, { Name: 'cell_id', Type: 'string' }], Location: `s3://producer-${PRODUCER}-telco/${newTable}/` },
        },
      }),
    );

    const report = await syncProduct(world.deps, world.ctx(USERS.pat), { productId: MESH_DB });

    expect(report).toMatchObject({
      added: [newTable],
      changed: [{ name: USECASES[0], changes: ['column energy_kwh added'] }],
      unchanged: [USECASES[1]],
      gone: [],
      linksCreated: [`${newTable}_link`],
      changedAnything: true,
    });
    expect(report.product.tables).toEqual([...USECASES, newTable]);
    const { Table: mirrored } = await meshAdmin.glue.send(new GetTableCommand({ CatalogId: MESH, DatabaseName: MESH_DB, Name: USECASES[0] }));
    expect(mirrored?.StorageDescriptor?.Columns?.at(-1)).toEqual({ Name: 'energy_kwh', Type: 'double', Comment: 'Energy drawn in the hour' });
    const producerRole = pool.as(await world.emu.assumeRole(SANDBOX_ROLE_ARNS.producer));
    const { Table: link } = await producerRole.glue.send(new GetTableCommand({ CatalogId: PRODUCER, DatabaseName: 'telco', Name: `${newTable}_link` }));
    expect(link?.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['event_id', 'cell_id']);
  });

  it('a re-publish brings a changed column type over and says what changed', async () => {
    const { Table } = await producerAdmin.glue.send(new GetTableCommand({ DatabaseName: 'telco', Name: USECASES[1] }));
    const input = mirrorTableInput(Table!);
    input.StorageDescriptor!.Columns = input.StorageDescriptor!.Columns!.map((c) => (c.Name === 'tenure_months' ? { ...c, Type: 'bigint' } : c));
    await producerAdmin.glue.send(new UpdateTableCommand({ DatabaseName: 'telco', TableInput: input }));

    const { summary } = await publishUsecases();

    expect(summary.updated).toEqual([{ name: USECASES[1], changes: ['column tenure_months: int → bigint'] }]);
    expect(summary.created).toEqual([]);
  });

  it('reports a table gone from the source and leaves its mesh table in place', async () => {
    await producerAdmin.glue.send(new DeleteTableCommand({ DatabaseName: 'telco', Name: newTable }));

    const report = await syncProduct(world.deps, world.ctx(USERS.pat), { productId: MESH_DB });

    expect(report).toMatchObject({ added: [], changed: [], gone: [newTable], changedAnything: true });
    expect(report.product.tables).toEqual(USECASES);
    expect((await tablesOf(meshAdmin, MESH, MESH_DB)).map((t) => t.Name)).toEqual([...USECASES, newTable]);
    const again = await syncProduct(world.deps, world.ctx(USERS.pat), { productId: MESH_DB });
    expect(again).toMatchObject({ added: [], changed: [], gone: [], changedAnything: false });
  });

  it('refuses a sync by a consumer', async () => {
    await expect(syncProduct(world.deps, world.ctx(USERS.casey), { productId: MESH_DB })).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});
