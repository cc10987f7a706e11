import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { producerRoleInMesh } from '../../../src/mesh/domain/account-roles';
import type { GrantEntry } from '../../../src/mesh/domain/grant-entry';
import { lakeFormationPermissions } from '../../../src/mesh/aws/lake-formation-permissions';
import { executeEntries, type ExecutorDeps } from '../../../src/mesh/execute/grant-executor';
import { planGrants } from '../../../src/mesh/plan/plan-grants';
import { planRevoke } from '../../../src/mesh/plan/plan-revoke';
import { resourceKey } from '../../../src/mesh/plan/resource-key';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, createTables, type ClientPool } from '../../sandbox/aws/cross-account/service-clients';
import { startTestEmulator, type TestEmulator } from '../../sandbox/aws/start-test-emulator';
import { botAwsClients } from '../../support/mesh-aws';
import { grantsTo } from '../../support/grants-to';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const MESH_DB = `telco-${PRODUCER}`;
const TABLES = Array.from({ length: 30 }, (_, i) => `usecase${String(i).padStart(2, '0')}`);

let emu: TestEmulator;
let pool: ClientPool;
let aws: ReturnType<typeof botAwsClients>;
let deps: ExecutorDeps;
let consumerSeq = 0;

/** A fresh consumer account per test, so each test's grants are its own. */
function nextConsumer(): string {
  consumerSeq += 1;
  return `9000000000${String(consumerSeq).padStart(2, '0')}`;
}

function plan(consumer: string, tables: string[], permissions: GrantEntry['Permissions'] = ['SELECT', 'DESCRIBE']): GrantEntry[] {
  return planGrants({ meshCatalogId: MESH, meshDatabase: MESH_DB, tables, grantee: consumer, permissions, grantable: [] });
}

/** What the mesh catalog's admin sees granted to a principal: resource key → permissions. */
async function granted(principal: string): Promise<Record<string, string[]>> {
  const rows = await grantsTo(pool.as('mesh').lf, principal);
  const byResource: Record<string, string[]> = {};
  for (const row of rows) {
    const key = resourceKey(row.Resource as GrantEntry['Resource']);
    byResource[key] = [...(byResource[key] ?? []), ...(row.Permissions ?? [])].sort();
  }
  return byResource;
}

function expected(entries: GrantEntry[]): Record<string, string[]> {
  return Object.fromEntries(entries.map((e) => [resourceKey(e.Resource), [...e.Permissions].sort()]));
}

const lfCalls = (operation: string): number => emu.controls.calls.counts({ operation })[`lakeformation.${operation}`] ?? 0;

beforeAll(async () => {
  emu = await startTestEmulator();
  pool = clientPool(emu);
  const meshAdmin = pool.as('mesh');
  await createTables(meshAdmin.glue, MESH_DB, TABLES);
  for (const Resource of [{ Database: { Name: MESH_DB } }, { Table: { DatabaseName: MESH_DB, TableWildcard: {} } }]) {
    await meshAdmin.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource, Permissions: ['ALL'], PermissionsWithGrantOption: ['ALL'] }),
    );
  }
  aws = botAwsClients(emu.endpoint);
  const { lakeFormation } = aws.clientsFor({ accountId: MESH, roleName: producerRoleInMesh(PRODUCER), actor: 'U0PRODUCER', requestId: 'req-exec' });
  deps = {
    permissions: lakeFormationPermissions(lakeFormation, MESH),
    policy: { maxAttempts: 30, baseDelayMs: 1, maxDelayMs: 4 },
    random: () => 0.5,
  };
});

afterEach(() => {
  emu.controls.faults.clear();
});

afterAll(async () => {
  aws.destroy();
  pool.destroy();
  await emu.close();
});

describe('executing a grant plan against Lake Formation', () => {
  it('grants exactly the plan, in ⌈entries/20⌉ BatchGrantPermissions calls', async () => {
    const consumer = nextConsumer();
    const entries = plan(consumer, TABLES.slice(0, 20));
    emu.controls.calls.clear();

    const results = await executeEntries('grant', entries, deps);

    expect(entries).toHaveLength(41);
    expect(Object.values(results).map((r) => r.outcome)).toEqual(Array(41).fill('DONE'));
    expect(lfCalls('BatchGrantPermissions')).toBe(3);
    expect(lfCalls('ListPermissions')).toBe(0);
    expect(await granted(consumer)).toEqual(expected(entries));
  });

  it('granting the same plan again succeeds and doubles nothing', async () => {
    const consumer = nextConsumer();
    const entries = plan(consumer, TABLES.slice(0, 3));
    await executeEntries('grant', entries, deps);

    const again = await executeEntries('grant', entries, deps);

    expect(Object.values(again).every((r) => r.outcome === 'DONE')).toBe(true);
    expect(await granted(consumer)).toEqual(expected(entries));
  });

  it('gets through 30% throttling and 20% ConcurrentModification with every entry granted once', async () => {
    const consumer = nextConsumer();
    const entries = plan(consumer, TABLES);
    emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ThrottledException', rate: 0.3, seed: 7 });
    emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ConcurrentModificationException', rate: 0.2, seed: 11 });
    emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ConcurrentModificationException', rate: 0.2, seed: 3, perEntry: true });
    emu.controls.calls.clear();

    const results = await executeEntries('grant', entries, deps);

    expect(Object.values(results).filter((r) => r.outcome !== 'DONE')).toEqual([]);
    expect(await granted(consumer)).toEqual(expected(entries));
    expect(emu.controls.calls.list({ operation: 'BatchGrantPermissions' }).some((c) => c.injected)).toBe(true);
  });

  it('after an ambiguous timeout, checks with ListPermissions before sending again', async () => {
    const consumer = nextConsumer();
    const entries = plan(consumer, TABLES.slice(0, 2));
    emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'OperationTimeoutException', count: 1 });
    emu.controls.calls.clear();

    const results = await executeEntries('grant', entries, deps);

    expect(Object.values(results).every((r) => r.outcome === 'DONE')).toBe(true);
    expect(lfCalls('ListPermissions')).toBe(entries.length);
    expect(lfCalls('BatchGrantPermissions')).toBe(2);
    expect(await granted(consumer)).toEqual(expected(entries));
  });

  it('records an entry Lake Formation refuses for good, and grants the rest', async () => {
    const consumer = nextConsumer();
    const entries = plan(consumer, TABLES.slice(0, 4));
    emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'AccessDeniedException', count: 1, perEntry: true });

    const results = await executeEntries('grant', entries, deps);

    const failed = Object.values(results).filter((r) => r.outcome === 'FAILED');
    expect(failed).toEqual([expect.objectContaining({ entryId: entries[0]!.Id, operation: 'grant', errorCode: 'AccessDeniedException' })]);
    expect(Object.keys(await granted(consumer))).toHaveLength(entries.length - 1);
  });

  it('refuses what the role may not grant, entry by entry, without retrying', async () => {
    const consumer = nextConsumer();
    const entries = planGrants({ meshCatalogId: MESH, meshDatabase: 'hr-222222222222', tables: ['salaries'], grantee: consumer, permissions: ['SELECT'], grantable: [] });
    await createTables(pool.as('mesh').glue, 'hr-222222222222', ['salaries']);
    emu.controls.calls.clear();

    const results = await executeEntries('grant', entries, deps);

    expect(Object.values(results).map((r) => [r.outcome, r.errorCode])).toEqual(entries.map(() => ['FAILED', 'AccessDeniedException']));
    expect(lfCalls('BatchGrantPermissions')).toBe(1);
  });

  it('revokes the plan, and revoking what is already gone counts as done', async () => {
    const consumer = nextConsumer();
    const entries = plan(consumer, TABLES.slice(0, 5));
    await executeEntries('grant', entries, deps);

    const revoked = await executeEntries('revoke', planRevoke(entries), deps);
    const again = await executeEntries('revoke', planRevoke(entries), deps);

    expect(Object.values(revoked).every((r) => r.outcome === 'DONE' && r.operation === 'revoke')).toBe(true);
    expect(Object.values(again).every((r) => r.outcome === 'DONE')).toBe(true);
    expect(await granted(consumer)).toEqual({});
  });

  it('revoking a grant on a table deleted meanwhile counts as done (Lake Formation cannot list a resource that is gone)', async () => {
    const consumer = nextConsumer();
    const gone = plan(consumer, ['dropped_meanwhile']).filter((e) => !('Database' in e.Resource));

    const revoked = await executeEntries('revoke', gone, deps);

    expect(Object.values(revoked).map((r) => r.outcome)).toEqual(gone.map(() => 'DONE'));
  });
});
