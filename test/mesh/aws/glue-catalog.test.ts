import { GlueClient } from '@aws-sdk/client-glue';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deleteLinks, ensureLinks } from '../../../src/mesh/aws/consumer-links';
import { glueCatalog, TABLE_LIMITS, type GlueCatalog } from '../../../src/mesh/aws/glue-catalog';
import { gluePartitions } from '../../../src/mesh/aws/glue-partitions';
import { ROLE_NAMES } from '../../../src/mesh/domain/account-roles';
import { AwsRefusedError } from '../../../src/mesh/errors';
import { SANDBOX_ACCOUNTS, SANDBOX_PRODUCER_DATABASE, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from '../../sandbox/aws/start-test-emulator';

const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
/** Fast and fixed, so a refused call is retried at once. */
const RETRY = { policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, sleep: () => Promise.resolve(), random: () => 0.5 };

let emu: TestEmulator;
const clients: GlueClient[] = [];

/** The catalog `catalogId` as the given role of the sandbox, with its Meshbot role name for messages. */
async function catalogAs(roleArn: string, catalogId: string): Promise<GlueCatalog> {
  const client = new GlueClient(emu.clientConfig(await emu.assumeRole(roleArn), { maxAttempts: 1 }));
  clients.push(client);
  const [, , , , accountId = '', resource = ''] = roleArn.split(':');
  return glueCatalog({ client, catalogId, roleName: resource.replace('role/', ''), accountId, retry: RETRY });
}

/** The consumer catalog as the consumer account's admin user, who may write anything in it. */
function consumerAdminCatalog(): GlueCatalog {
  const client = new GlueClient(emu.clientConfig('consumer', { maxAttempts: 1 }));
  clients.push(client);
  return glueCatalog({ client, catalogId: CONSUMER, roleName: 'sandbox-admin', accountId: CONSUMER, retry: RETRY });
}

beforeAll(async () => {
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
});
afterEach(() => {
  emu.controls.faults.clear();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await emu.close();
});

describe('the Glue catalog adapter', () => {
  it('answers a missing database or table as absent, and creates, finds and deletes each once', async () => {
    const consumer = await catalogAs(SANDBOX_ROLE_ARNS.consumer, CONSUMER);

    expect(await consumer.getDatabase('adapter_db')).toBeUndefined();
    expect(await consumer.createDatabase({ Name: 'adapter_db', Description: 'adapter test' })).toBe(true);
    expect(await consumer.createDatabase({ Name: 'adapter_db' })).toBe(false);
    expect(await consumer.getDatabase('adapter_db')).toEqual({ Name: 'adapter_db', Description: 'adapter test' });
    expect(await consumer.getTable('adapter_db', 'nope')).toBeUndefined();
    expect(await consumer.deleteDatabase('adapter_db')).toBe(true);
    expect(await consumer.deleteDatabase('adapter_db')).toBe(false);
    expect(await consumer.getDatabase('adapter_db')).toBeUndefined();
  });

  it('lists every table past Glue’s page of 100, one GetTables call per page, as definitions without Glue’s own bookkeeping', async () => {
    const consumer = await catalogAs(SANDBOX_ROLE_ARNS.consumer, CONSUMER);
    await consumer.createDatabase({ Name: 'many_tables' });
    const names = Array.from({ length: TABLE_LIMITS.page + 5 }, (_, i) => `t${String(i).padStart(3, '0')}`);
    for (const name of names) {
      await consumer.createTable('many_tables', { Name: name, TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: `s3://bucket/${name}/` } });
    }
    emu.controls.calls.clear();

    const tables = await consumer.listTables('many_tables');

    expect(tables.map((t) => t.Name)).toEqual(names);
    expect(emu.controls.calls.list({ operation: 'GetTables' })).toHaveLength(2);
    expect(tables[0]).toEqual({ Name: 't000', TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: 's3://bucket/t000/' } });
    for (const key of ['CatalogId', 'DatabaseName', 'CreateTime', 'UpdateTime', 'VersionId', 'CreatedBy']) expect(tables[0]).not.toHaveProperty(key);
  });

  it('creates a table once (false when it exists), updates it, and deletes tables in batches, ones already gone counting as deleted', async () => {
    const consumer = consumerAdminCatalog();
    await consumer.createDatabase({ Name: 'writes' });
    const input = { Name: 'orders', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: 's3://bucket/orders/' } };

    expect(await consumer.createTable('writes', input)).toBe(true);
    expect(await consumer.createTable('writes', input)).toBe(false);
    await consumer.updateTable('writes', { ...input, Description: 'all orders' });
    expect((await consumer.getTable('writes', 'orders'))?.Description).toBe('all orders');

    expect(await consumer.deleteTables('writes', ['orders', 'never_there'])).toEqual([]);
    expect(await consumer.listTables('writes')).toEqual([]);
    expect(await consumer.deleteTables('no_such_database', ['orders'])).toEqual([]);
  });

  it('retries a throttled call, and translates a refusal into AwsRefusedError naming what, as whom and where', async () => {
    const consumer = await catalogAs(SANDBOX_ROLE_ARNS.consumer, CONSUMER);
    emu.controls.faults.add({ service: 'glue', operation: 'GetDatabase', error: 'ThrottlingException', count: 2 });
    emu.controls.calls.clear();

    expect(await consumer.getDatabase('still_missing')).toBeUndefined();
    expect(emu.controls.calls.list({ operation: 'GetDatabase' }).map((c) => c.outcome)).toEqual(['ThrottlingException', 'ThrottlingException', 'EntityNotFoundException']);

    const readOnly = await catalogAs(SANDBOX_ROLE_ARNS.meshReadOnly, MESH);
    const refused = await readOnly.createDatabase({ Name: 'not_allowed' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AwsRefusedError);
    expect(refused).toMatchObject({ awsCode: 'AccessDeniedException' });
    expect((refused as Error).message).toContain(`AWS refused to create database not_allowed in catalog ${MESH} (as ${ROLE_NAMES.meshReadOnly} in ${MESH})`);
  });

  it('lists a table’s partitions as definitions through the partitions adapter, with the same habits', async () => {
    const client = new GlueClient(emu.clientConfig(await emu.assumeRole(SANDBOX_ROLE_ARNS.producer), { maxAttempts: 1 }));
    clients.push(client);
    const source = glueCatalog({ client, catalogId: PRODUCER, roleName: ROLE_NAMES.producer, accountId: PRODUCER, retry: RETRY });
    const partitioned = (await source.listTables(SANDBOX_PRODUCER_DATABASE)).find((t) => (t.PartitionKeys?.length ?? 0) > 0);
    emu.controls.faults.add({ service: 'glue', operation: 'GetPartitions', error: 'ThrottlingException', count: 1 });

    const partitions = await gluePartitions({ client, catalogId: PRODUCER, roleName: ROLE_NAMES.producer, accountId: PRODUCER, retry: RETRY }).list(SANDBOX_PRODUCER_DATABASE, partitioned?.Name ?? '');

    expect(partitions.length).toBeGreaterThan(0);
    expect(Object.keys(partitions[0] ?? {}).sort()).toEqual(expect.arrayContaining(['StorageDescriptor', 'Values']));
    for (const key of ['CatalogId', 'DatabaseName', 'TableName', 'CreationTime']) expect(partitions[0]).not.toHaveProperty(key);
  });
});

describe('the consumer’s resource links, made through the catalog adapter', () => {
  const tablesRequest = (tables: string[]) =>
    ({ kind: 'tables', catalogId: CONSUMER, database: 'links_db', targetCatalogId: MESH, targetDatabase: 'products', tables }) as const;

  it('creates table links once, passes over a database whose name is taken by other tables, and drops a database it emptied', async () => {
    const consumer = await catalogAs(SANDBOX_ROLE_ARNS.consumer, CONSUMER);
    // A local table of the same name as a link the subscription needs: that database is not ours to use.
    await consumer.createDatabase({ Name: 'links_db' });
    await consumer.createTable('links_db', { Name: 'orders', StorageDescriptor: { Location: 's3://bucket/orders/' } });

    const links = await ensureLinks(consumer, tablesRequest(['orders', 'customers']));
    const again = await ensureLinks(consumer, tablesRequest(['orders', 'customers']));

    expect(links.map((l) => `${l.database}.${l.table ?? ''}`)).toEqual(['links_db_2.orders', 'links_db_2.customers']);
    expect(again).toEqual(links);
    expect((await consumer.listTables('links_db_2')).map((t) => [t.Name, t.TargetTable])).toEqual([
      ['customers', { CatalogId: MESH, DatabaseName: 'products', Name: 'customers' }],
      ['orders', { CatalogId: MESH, DatabaseName: 'products', Name: 'orders' }],
    ]);

    await deleteLinks(consumer, links, new Set(['links_db_2']));
    await deleteLinks(consumer, links, new Set(['links_db_2']));

    expect(await consumer.getDatabase('links_db_2')).toBeUndefined();
    expect((await consumer.listTables('links_db')).map((t) => t.Name)).toEqual(['orders']);
  });

  it('reuses a database link to the same target and deletes only the link', async () => {
    const consumer = await catalogAs(SANDBOX_ROLE_ARNS.consumer, CONSUMER);
    const request = { kind: 'database', catalogId: CONSUMER, name: 'products_link', targetCatalogId: MESH, targetDatabase: 'products' } as const;

    const [link] = await ensureLinks(consumer, request);
    expect(await ensureLinks(consumer, request)).toEqual([link]);
    expect(await consumer.getDatabase('products_link')).toEqual({ Name: 'products_link', TargetDatabase: { CatalogId: MESH, DatabaseName: 'products' } });

    await deleteLinks(consumer, link ? [link] : [], new Set());
    expect(await consumer.getDatabase('products_link')).toBeUndefined();
  });
});
