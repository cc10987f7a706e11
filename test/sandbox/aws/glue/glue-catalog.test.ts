import {
  AccessDeniedException,
  AlreadyExistsException,
  BatchDeleteTableCommand,
  ConcurrentModificationException,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeleteTableCommand,
  EntityNotFoundException,
  GetDatabaseCommand,
  GetDatabasesCommand,
  GetTableCommand,
  GetTablesCommand,
  InvalidInputException,
  paginateGetTables,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_PRODUCER_DATABASE } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole, DATA_USER_STATEMENTS } from '../test-roles';
import { clientPool, type ClientPool, createTables, type ServiceClients } from '../cross-account/service-clients';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const DATA_USER = `arn:aws:iam::${MESH}:role/DataUser`;

let emu: TestEmulator;
let pool: ClientPool;
let admin: ServiceClients;
let readOnly: ServiceClients;

beforeAll(async () => {
  emu = await startTestEmulator();
  pool = clientPool(emu);
  admin = pool.as('mesh');
  // A non-admin whose IAM policy allows Glue and Lake Formation: Lake Formation decides what it sees.
  readOnly = pool.as(await emu.assumeRole(addRole(emu, MESH, 'DataUser', DATA_USER_STATEMENTS), { as: 'mesh' }));
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe('Glue databases', () => {
  it('creates a database and reads it back, lower-casing its name as Glue does', async () => {
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'Sales', Description: 'Sales data' } }));

    const { Database } = await admin.glue.send(new GetDatabaseCommand({ Name: 'sales' }));
    expect(Database).toMatchObject({ Name: 'sales', CatalogId: MESH, Description: 'Sales data' });
    expect(Database?.CreateTime).toBeInstanceOf(Date);
  });

  it('refuses a second database of the same name with AlreadyExistsException', async () => {
    await expect(admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'sales' } }))).rejects.toBeInstanceOf(AlreadyExistsException);
  });

  it('answers EntityNotFoundException for a database that does not exist', async () => {
    await expect(admin.glue.send(new GetDatabaseCommand({ Name: 'nowhere' }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('answers InvalidInputException for a malformed CatalogId', async () => {
    await expect(admin.glue.send(new GetDatabaseCommand({ CatalogId: 'mesh', Name: 'sales' }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('lists only the own catalog by default, and refuses the catalog of an account that shared nothing (no resource-based policy)', async () => {
    const { DatabaseList } = await admin.glue.send(new GetDatabasesCommand({}));
    expect(DatabaseList?.map((d) => d.Name)).toEqual(['sales']);
    const foreign = await failure(admin.glue.send(new GetDatabasesCommand({ CatalogId: SANDBOX_ACCOUNTS.producer.id })));
    expect(foreign).toBeInstanceOf(AccessDeniedException);
    expect(foreign.message).toBe(
      `User: arn:aws:iam::${MESH}:user/sandbox-admin is not authorized to perform: glue:GetDatabases on resource: arn:aws:glue:us-east-1:${SANDBOX_ACCOUNTS.producer.id}:catalog because no resource-based policy allows the glue:GetDatabases action`,
    );
  });

  it('serves the seeded producer catalog to the producer admin', async () => {
    const producer = pool.as('producer');
    const { TableList } = await producer.glue.send(new GetTablesCommand({ DatabaseName: SANDBOX_PRODUCER_DATABASE }));
    expect(TableList).toHaveLength(3);
    expect(TableList?.every((t) => (t.StorageDescriptor?.Columns?.length ?? 0) > 0)).toBe(true);
  });

  it('deletes a database with its tables', async () => {
    await createTables(admin.glue, 'scratch', ['a', 'b']);
    await admin.glue.send(new DeleteDatabaseCommand({ Name: 'scratch' }));
    await expect(admin.glue.send(new GetDatabaseCommand({ Name: 'scratch' }))).rejects.toBeInstanceOf(EntityNotFoundException);
    await expect(admin.glue.send(new DeleteDatabaseCommand({ Name: 'scratch' }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });
});

describe('Glue tables', () => {
  it('creates, reads, updates (bumping VersionId) and deletes a table', async () => {
    await createTables(admin.glue, 'crud', ['orders']);
    const created = await admin.glue.send(new GetTableCommand({ DatabaseName: 'crud', Name: 'orders' }));
    expect(created.Table).toMatchObject({ Name: 'orders', DatabaseName: 'crud', CatalogId: MESH, VersionId: '1' });
    expect(created.Table?.StorageDescriptor?.Columns).toEqual([{ Name: 'id', Type: 'string' }, { Name: 'value', Type: 'double' }]);

    await admin.glue.send(new UpdateTableCommand({ DatabaseName: 'crud', TableInput: { Name: 'orders', Description: 'All orders', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }] } } }));
    const updated = await admin.glue.send(new GetTableCommand({ DatabaseName: 'crud', Name: 'orders' }));
    expect(updated.Table).toMatchObject({ Description: 'All orders', VersionId: '2' });
    const stale = admin.glue.send(new UpdateTableCommand({ DatabaseName: 'crud', VersionId: '1', TableInput: { Name: 'orders' } }));
    await expect(stale).rejects.toBeInstanceOf(ConcurrentModificationException);

    await admin.glue.send(new DeleteTableCommand({ DatabaseName: 'crud', Name: 'orders' }));
    await expect(admin.glue.send(new GetTableCommand({ DatabaseName: 'crud', Name: 'orders' }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('refuses a duplicate table with AlreadyExistsException and a table in a missing database with EntityNotFoundException', async () => {
    await createTables(admin.glue, 'dupes', ['t1']);
    await expect(admin.glue.send(new CreateTableCommand({ DatabaseName: 'dupes', TableInput: { Name: 't1' } }))).rejects.toBeInstanceOf(AlreadyExistsException);
    await expect(admin.glue.send(new CreateTableCommand({ DatabaseName: 'missing', TableInput: { Name: 't1' } }))).rejects.toBeInstanceOf(EntityNotFoundException);
    await expect(admin.glue.send(new GetTablesCommand({ DatabaseName: 'missing' }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('reports per-table errors of BatchDeleteTable and deletes the rest', async () => {
    await createTables(admin.glue, 'batch', ['t1', 't2', 't3']);
    const { Errors } = await admin.glue.send(new BatchDeleteTableCommand({ DatabaseName: 'batch', TablesToDelete: ['t1', 'ghost', 't3'] }));
    expect(Errors).toEqual([{ TableName: 'ghost', ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Table ghost not found.' } }]);
    const { TableList } = await admin.glue.send(new GetTablesCommand({ DatabaseName: 'batch' }));
    expect(TableList?.map((t) => t.Name)).toEqual(['t2']);
  });

  it('filters GetTables by Expression, with * as a wildcard and | between alternatives', async () => {
    await createTables(admin.glue, 'patterns', ['usecase1', 'usecase2', 'other', 'my_usecase']);
    const names = async (Expression: string) => (await admin.glue.send(new GetTablesCommand({ DatabaseName: 'patterns', Expression }))).TableList?.map((t) => t.Name);
    expect(await names('usecase*')).toEqual(['usecase1', 'usecase2']);
    expect(await names('usecase1|other')).toEqual(['other', 'usecase1']);
    expect(await names('usecase')).toEqual([]);
  });

  it('follows a database resource link to its target tables', async () => {
    await createTables(admin.glue, 'target', ['t1']);
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'target_link', TargetDatabase: { CatalogId: MESH, DatabaseName: 'target' } } }));
    const { TableList } = await admin.glue.send(new GetTablesCommand({ DatabaseName: 'target_link' }));
    expect(TableList?.map((t) => [t.DatabaseName, t.Name])).toEqual([['target', 't1']]);
    const { Database } = await admin.glue.send(new GetDatabaseCommand({ Name: 'target_link' }));
    expect(Database).toMatchObject({ Name: 'target_link', TargetDatabase: { CatalogId: MESH, DatabaseName: 'target' }, LocationUri: 's3://bucket/target/' });
  });
});

describe('GetTables pagination', () => {
  beforeAll(async () => {
    await createTables(admin.glue, 'big', Array.from({ length: 250 }, (_, i) => `t${String(i).padStart(3, '0')}`));
  });

  it('answers 250 tables in three pages of 100, 100 and 50 by default', async () => {
    const sizes: number[] = [];
    let NextToken: string | undefined;
    do {
      const page = await admin.glue.send(new GetTablesCommand({ DatabaseName: 'big', NextToken }));
      sizes.push(page.TableList?.length ?? 0);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('refuses MaxResults above 100 and a foreign NextToken', async () => {
    await expect(admin.glue.send(new GetTablesCommand({ DatabaseName: 'big', MaxResults: 101 }))).rejects.toBeInstanceOf(InvalidInputException);
    await expect(admin.glue.send(new GetTablesCommand({ DatabaseName: 'big', NextToken: 'bm90LWEtdG9rZW4' }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('runs the SDK paginator to completion with the exact count', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateGetTables({ client: admin.glue, pageSize: 40 }, { DatabaseName: 'big' })) {
      pages += 1;
      names.push(...(page.TableList ?? []).map((t) => t.Name ?? ''));
    }
    expect(pages).toBe(7);
    expect(names).toHaveLength(250);
    expect(new Set(names).size).toBe(250);
    expect(names[249]).toBe('t249');
  });
});

describe('Lake Formation permissions inside one account', () => {
  beforeAll(async () => {
    await createTables(admin.glue, 'governed', ['visible', 'hidden']);
  });

  it('hides databases and tables from a non-admin principal without permissions', async () => {
    await expect(readOnly.glue.send(new GetTableCommand({ DatabaseName: 'governed', Name: 'visible' }))).rejects.toBeInstanceOf(AccessDeniedException);
    await expect(readOnly.glue.send(new GetTablesCommand({ DatabaseName: 'governed' }))).rejects.toBeInstanceOf(AccessDeniedException);
    expect((await readOnly.glue.send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);
  });

  it('shows a table, and its database, once the principal holds DESCRIBE on the table', async () => {
    await admin.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: DATA_USER }, Resource: { Table: { DatabaseName: 'governed', Name: 'visible' } }, Permissions: ['DESCRIBE'] }),
    );
    expect((await readOnly.glue.send(new GetTableCommand({ DatabaseName: 'governed', Name: 'visible' }))).Table?.Name).toBe('visible');
    expect((await readOnly.glue.send(new GetTablesCommand({ DatabaseName: 'governed' }))).TableList?.map((t) => t.Name)).toEqual(['visible']);
    expect((await readOnly.glue.send(new GetDatabasesCommand({}))).DatabaseList?.map((d) => d.Name)).toEqual(['governed']);
    await expect(readOnly.glue.send(new GetTableCommand({ DatabaseName: 'governed', Name: 'hidden' }))).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('needs CREATE_DATABASE to create a database, then gives the creator its implicit permissions', async () => {
    await expect(readOnly.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'own' } }))).rejects.toBeInstanceOf(AccessDeniedException);
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: DATA_USER }, Resource: { Catalog: {} }, Permissions: ['CREATE_DATABASE'] }));

    await createTables(readOnly.glue, 'own', ['mine']);
    expect((await readOnly.glue.send(new GetTableCommand({ DatabaseName: 'own', Name: 'mine' }))).Table?.Name).toBe('mine');
    await expect(readOnly.glue.send(new CreateTableCommand({ DatabaseName: 'governed', TableInput: { Name: 'intruder' } }))).rejects.toBeInstanceOf(AccessDeniedException);
    await expect(readOnly.glue.send(new DeleteTableCommand({ DatabaseName: 'governed', Name: 'visible' }))).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
