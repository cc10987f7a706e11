import {
  AccessDeniedException,
  BatchGrantPermissionsCommand,
  BatchRevokePermissionsCommand,
  EntityNotFoundException,
  GetDataLakeSettingsCommand,
  GrantPermissionsCommand,
  InvalidInputException,
  ListPermissionsCommand,
  paginateListPermissions,
  PutDataLakeSettingsCommand,
  RevokePermissionsCommand,
  type BatchPermissionsRequestEntry,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole, DATA_USER_STATEMENTS } from '../test-roles';
import { clientPool, type ClientPool, createTables, type ServiceClients } from '../cross-account/service-clients';
import { grantsTo } from '../../../support/grants-to';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const ANALYST = `arn:aws:iam::${MESH}:role/Analyst`;
const DATA_USER = `arn:aws:iam::${MESH}:role/DataUser`;
const orders: Resource = { Table: { CatalogId: MESH, DatabaseName: 'shop', Name: 'orders' } };

let emu: TestEmulator;
let pool: ClientPool;
let admin: ServiceClients;
let readOnly: ServiceClients;

beforeAll(async () => {
  emu = await startTestEmulator();
  pool = clientPool(emu);
  admin = pool.as('mesh');
  // A non-admin whose IAM policy allows Glue and Lake Formation: Lake Formation decides what it may do.
  readOnly = pool.as(await emu.assumeRole(addRole(emu, MESH, 'DataUser', DATA_USER_STATEMENTS), { as: 'mesh' }));
  // The grantees: Lake Formation refuses grants to IAM roles that do not exist.
  for (const name of ['Analyst', 'ColumnReader', 'BatchReader']) addRole(emu, MESH, name, DATA_USER_STATEMENTS);
  await createTables(admin.glue, 'shop', ['orders', 'customers', 'refunds']);
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

/** The grant rows an admin lists for a principal. */
async function rowsOf(principal: string): Promise<{ resource: unknown; permissions: string[]; grantable: string[] }[]> {
  return (await grantsTo(admin.lf, principal)).map((p) => ({ resource: p.Resource, permissions: p.Permissions ?? [], grantable: p.PermissionsWithGrantOption ?? [] }));
}

function entry(Id: string, principal: string, Resource: Resource, Permissions: BatchPermissionsRequestEntry['Permissions']): BatchPermissionsRequestEntry {
  return { Id, Principal: { DataLakePrincipalIdentifier: principal }, Resource, Permissions };
}

describe('data lake settings', () => {
  it('answers the seeded admins of the caller account', async () => {
    const { DataLakeSettings } = await admin.lf.send(new GetDataLakeSettingsCommand({}));
    expect(DataLakeSettings?.DataLakeAdmins?.map((a) => a.DataLakePrincipalIdentifier)).toContain(SANDBOX_ROLE_ARNS.meshAdmin);
    expect(DataLakeSettings?.Parameters).toMatchObject({ CROSS_ACCOUNT_VERSION: '4' });
  });

  it("refuses another account's settings with AccessDeniedException", async () => {
    await expect(admin.lf.send(new GetDataLakeSettingsCommand({ CatalogId: SANDBOX_ACCOUNTS.consumer.id }))).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('lets only data lake admins (or the account admin user) put settings, with IAM principals as admins', async () => {
    const { DataLakeSettings } = await admin.lf.send(new GetDataLakeSettingsCommand({}));
    await expect(readOnly.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings }))).rejects.toBeInstanceOf(AccessDeniedException);
    const withAccount = { ...DataLakeSettings, DataLakeAdmins: [{ DataLakePrincipalIdentifier: SANDBOX_ACCOUNTS.consumer.id }] };
    await expect(admin.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings: withAccount }))).rejects.toBeInstanceOf(InvalidInputException);

    const withReadOnly = { ...DataLakeSettings, ReadOnlyAdmins: [{ DataLakePrincipalIdentifier: DATA_USER }] };
    await admin.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings: withReadOnly }));
    const after = await admin.lf.send(new GetDataLakeSettingsCommand({}));
    expect(after.DataLakeSettings?.ReadOnlyAdmins).toEqual([{ DataLakePrincipalIdentifier: DATA_USER }]);
    await admin.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings }));
  });
});

describe('GrantPermissions and RevokePermissions', () => {
  it('grants, and granting the same again leaves one grant row', async () => {
    const grant = new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: orders, Permissions: ['SELECT', 'DESCRIBE'], PermissionsWithGrantOption: ['SELECT'] });
    await admin.lf.send(grant);
    await admin.lf.send(grant);

    expect(await rowsOf(ANALYST)).toEqual([{ resource: orders, permissions: ['DESCRIBE', 'SELECT'], grantable: ['SELECT'] }]);
  });

  it('refuses permissions that do not apply to the resource with InvalidInputException', async () => {
    const cases: { Resource: Resource; Permissions: GrantPermissionsCommand['input']['Permissions']; PermissionsWithGrantOption?: GrantPermissionsCommand['input']['Permissions'] }[] = [
      { Resource: { Database: { Name: 'shop' } }, Permissions: ['SELECT'] },
      { Resource: { TableWithColumns: { DatabaseName: 'shop', Name: 'orders', ColumnNames: ['id'] } }, Permissions: ['DESCRIBE'] },
      { Resource: { Catalog: {} }, Permissions: ['DROP'] },
      { Resource: orders, Permissions: ['SELECT'], PermissionsWithGrantOption: ['ALTER'] },
      { Resource: { Table: { DatabaseName: 'shop' } }, Permissions: ['SELECT'] },
    ];
    for (const c of cases) {
      await expect(admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, ...c }))).rejects.toBeInstanceOf(InvalidInputException);
    }
    const badPrincipal = admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: 'analyst' }, Resource: orders, Permissions: ['SELECT'] }));
    await expect(badPrincipal).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('answers EntityNotFoundException for a table that does not exist', async () => {
    const grant = admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: { Table: { DatabaseName: 'shop', Name: 'ghost' } }, Permissions: ['SELECT'] }));
    await expect(grant).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('refuses a grant by a principal without the grant option', async () => {
    const grant = readOnly.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: orders, Permissions: ['SELECT'] }));
    await expect(grant).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('grants column permissions with ColumnNames or a ColumnWildcard', async () => {
    const principal = `arn:aws:iam::${MESH}:role/ColumnReader`;
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: { TableWithColumns: { DatabaseName: 'shop', Name: 'customers', ColumnNames: ['value', 'id'] } }, Permissions: ['SELECT'] }));
    await admin.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: { TableWithColumns: { DatabaseName: 'shop', Name: 'refunds', ColumnWildcard: { ExcludedColumnNames: ['value'] } } }, Permissions: ['SELECT'] }),
    );
    expect((await rowsOf(principal)).map((r) => r.resource)).toEqual([
      { TableWithColumns: { CatalogId: MESH, DatabaseName: 'shop', Name: 'customers', ColumnNames: ['id', 'value'] } },
      { TableWithColumns: { CatalogId: MESH, DatabaseName: 'shop', Name: 'refunds', ColumnWildcard: { ExcludedColumnNames: ['value'] } } },
    ]);
  });

  it('revokes a grant option alone, then the permissions, and refuses revoking what is not granted', async () => {
    await admin.lf.send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: orders, Permissions: [], PermissionsWithGrantOption: ['SELECT'] }));
    expect(await rowsOf(ANALYST)).toEqual([{ resource: orders, permissions: ['DESCRIBE', 'SELECT'], grantable: [] }]);

    await admin.lf.send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: orders, Permissions: ['SELECT', 'DESCRIBE'] }));
    expect(await rowsOf(ANALYST)).toEqual([]);

    const again = admin.lf.send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: orders, Permissions: ['SELECT'] }));
    await expect(again).rejects.toBeInstanceOf(InvalidInputException);
  });
});

describe('BatchGrantPermissions and BatchRevokePermissions', () => {
  const principal = `arn:aws:iam::${MESH}:role/BatchReader`;

  it('refuses more than 20 entries for the whole call', async () => {
    const entries = Array.from({ length: 21 }, (_, i) => entry(`e${i}`, principal, orders, ['SELECT']));
    await expect(admin.lf.send(new BatchGrantPermissionsCommand({ Entries: entries }))).rejects.toBeInstanceOf(InvalidInputException);
    expect(await rowsOf(principal)).toEqual([]);
  });

  it('refuses entry ids used twice in one call', async () => {
    const entries = [entry('same', principal, orders, ['SELECT']), entry('same', principal, orders, ['DESCRIBE'])];
    await expect(admin.lf.send(new BatchGrantPermissionsCommand({ Entries: entries }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('reports a failing entry in Failures of a 200 answer while the others take effect', async () => {
    const bad = entry('bad', principal, { Database: { Name: 'shop' } }, ['SELECT']);
    const result = await admin.lf.send(new BatchGrantPermissionsCommand({ Entries: [entry('ok1', principal, orders, ['SELECT']), bad, entry('ok2', principal, { Database: { Name: 'shop' } }, ['DESCRIBE'])] }));

    expect(result.$metadata.httpStatusCode).toBe(200);
    expect(result.Failures).toHaveLength(1);
    expect(result.Failures![0]).toMatchObject({ RequestEntry: { Id: 'bad' }, Error: { ErrorCode: 'InvalidInputException' } });
    expect((await rowsOf(principal)).map((r) => r.permissions)).toEqual([['SELECT'], ['DESCRIBE']]);
  });

  it('honours a per-entry fault injected through the sandbox controls', async () => {
    const armed = await fetch(`${emu.endpoint}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ConcurrentModificationException', perEntry: true, count: 1 }),
    });
    expect(armed.ok).toBe(true);
    const customers: Resource = { Table: { DatabaseName: 'shop', Name: 'customers' } };
    const refunds: Resource = { Table: { DatabaseName: 'shop', Name: 'refunds' } };

    const { Failures } = await admin.lf.send(new BatchGrantPermissionsCommand({ Entries: [entry('c', principal, customers, ['SELECT']), entry('r', principal, refunds, ['SELECT'])] }));

    expect(Failures?.map((f) => [f.RequestEntry?.Id, f.Error?.ErrorCode])).toEqual([['c', 'ConcurrentModificationException']]);
    const tables = (await rowsOf(principal)).map((r) => (r.resource as { Table?: { Name?: string } }).Table?.Name);
    expect(tables).toContain('refunds');
    expect(tables).not.toContain('customers');
  });

  it('revokes in batch, reporting entries that revoke nothing', async () => {
    const { Failures } = await admin.lf.send(
      new BatchRevokePermissionsCommand({ Entries: [entry('r1', principal, orders, ['SELECT']), entry('r2', principal, { Table: { DatabaseName: 'shop', Name: 'customers' } }, ['SELECT'])] }),
    );
    expect(Failures?.map((f) => [f.RequestEntry?.Id, f.Error?.ErrorCode])).toEqual([['r2', 'InvalidInputException']]);
    expect((await rowsOf(principal)).some((r) => (r.resource as { Table?: { Name?: string } }).Table?.Name === 'orders')).toBe(false);
  });
});

describe('ListPermissions', () => {
  const customers: Resource = { Table: { CatalogId: MESH, DatabaseName: 'shop', Name: 'customers' } };

  beforeAll(async () => {
    for (let i = 0; i < 45; i += 1) addRole(emu, MESH, `Reader${String(i).padStart(2, '0')}`, DATA_USER_STATEMENTS);
    for (let start = 0; start < 45; start += 15) {
      const entries = Array.from({ length: 15 }, (_, i) => entry(`p${start + i}`, `arn:aws:iam::${MESH}:role/Reader${String(start + i).padStart(2, '0')}`, customers, ['SELECT']));
      const { Failures } = await admin.lf.send(new BatchGrantPermissionsCommand({ Entries: entries }));
      expect(Failures).toEqual([]);
    }
  });

  it('runs the SDK paginator to completion with the exact count', async () => {
    const principals: string[] = [];
    let pages = 0;
    for await (const page of paginateListPermissions({ client: admin.lf, pageSize: 10 }, { Resource: customers, ResourceType: 'TABLE' })) {
      pages += 1;
      principals.push(...(page.PrincipalResourcePermissions ?? []).map((p) => p.Principal?.DataLakePrincipalIdentifier ?? ''));
    }
    const readers = principals.filter((p) => p.includes(':role/Reader'));
    expect(readers).toHaveLength(45);
    expect(new Set(readers).size).toBe(45);
    expect(pages).toBe(Math.ceil(principals.length / 10));
  });

  it('shows a non-admin only its own grants', async () => {
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: DATA_USER }, Resource: customers, Permissions: ['DESCRIBE'] }));
    const { PrincipalResourcePermissions } = await readOnly.lf.send(new ListPermissionsCommand({}));
    expect(PrincipalResourcePermissions?.map((p) => p.Principal?.DataLakePrincipalIdentifier)).toEqual([DATA_USER]);
  });

  it("shows a non-admin other principals' permissions only for what it holds itself (ALTER sees ALTER)", async () => {
    const refunds: Resource = { Table: { CatalogId: MESH, DatabaseName: 'shop', Name: 'refunds' } };
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: DATA_USER }, Resource: refunds, Permissions: ['ALTER'] }));
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: refunds, Permissions: ['ALTER', 'SELECT'] }));
    const { PrincipalResourcePermissions } = await readOnly.lf.send(new ListPermissionsCommand({ Resource: refunds }));
    const seen = (PrincipalResourcePermissions ?? []).map((p) => [p.Principal?.DataLakePrincipalIdentifier, p.Permissions]);
    expect(seen).toEqual([
      [DATA_USER, ['ALTER']],
      [ANALYST, ['ALTER']],
    ]);
    const asAdmin = await admin.lf.send(new ListPermissionsCommand({ Resource: refunds }));
    expect(asAdmin.PrincipalResourcePermissions?.find((p) => p.Principal?.DataLakePrincipalIdentifier === ANALYST)?.Permissions).toEqual(['ALTER', 'SELECT']);
  });

  it('refuses a Principal without a Resource, and a TableWithColumns resource', async () => {
    await expect(admin.lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: ANALYST } }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'Resource is mandatory if Principal is set in the input.',
    });
    await expect(
      admin.lf.send(new ListPermissionsCommand({ Resource: { TableWithColumns: { CatalogId: MESH, DatabaseName: 'shop', Name: 'orders', ColumnWildcard: {} } } })),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('filters by resource type', async () => {
    const { PrincipalResourcePermissions } = await admin.lf.send(new ListPermissionsCommand({ ResourceType: 'DATABASE' }));
    expect(PrincipalResourcePermissions?.every((p) => p.Resource?.Database !== undefined)).toBe(true);
    expect(PrincipalResourcePermissions?.length).toBeGreaterThan(0);
  });
});
