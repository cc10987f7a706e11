import { AccessDeniedException, EntityNotFoundException, GetDatabaseCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackUser } from '../../../../src/mesh/domain/slack-user';
import type { Subscription } from '../../../../src/mesh/domain/subscription';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { namesToQuery } from '../../../../src/mesh/service/subscriptions/link-layout';
import { modifySubscription } from '../../../../src/mesh/service/subscriptions/modify-subscription';
import { requestAccess } from '../../../../src/mesh/service/subscriptions/request-access';
import { revokeSubscription } from '../../../../src/mesh/service/subscriptions/revoke-subscription';
import { runGrant } from '../../../../src/mesh/service/subscriptions/run-grant';
import { SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import type { ClientPool, ServiceClients } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, expectedFrom, grantedTo, MESH, MESH_DB, publishProduct } from './published-product';

let world: MeshWorld;
let pool: ClientPool;
let consumerRole: ServiceClients;

beforeAll(async () => {
  world = await startMeshWorld();
  ({ pool } = await publishProduct(world));
  consumerRole = pool.as(await world.emu.assumeRole(SANDBOX_ROLE_ARNS.consumer, { sourceIdentity: 'U0CONSUMER' }));
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

/** Request as Casey, approve as `approver`, run the grant job; the job's request id is returned for call-log checks. */
async function subscribe(request: Parameters<typeof requestAccess>[2], approver: SlackUser = USERS.pat): Promise<{ subscription: Subscription; jobRequestId: string }> {
  const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), request);
  await approveRequest(world.deps, world.ctx(approver), { id: subscription.id });
  const job = world.ctx(approver);
  return { subscription: (await runGrant(world.deps, job, { id: subscription.id })).subscription, jobRequestId: job.requestId };
}

const tableThroughLink = (database: string, table: string) => consumerRole.glue.send(new GetTableCommand({ CatalogId: CONSUMER, DatabaseName: database, Name: table }));

let full: Subscription;
let partial: Subscription;

describe('approving a request for the whole product', () => {
  it('grants exactly the plan, imports it, and the consumer role reads the tables through a database link', async () => {
    world.emu.controls.calls.clear();
    const { subscription, jobRequestId } = await subscribe({ productId: MESH_DB, permissions: ['SELECT', 'DESCRIBE'], justification: 'Churn model for Q4' });
    full = subscription;

    expect(full.status).toBe('ACTIVE');
    expect(Object.values(full.results).every((r) => r.outcome === 'DONE')).toBe(true);
    expect(full.links).toEqual([{ catalogId: CONSUMER, database: MESH_DB, targetCatalogId: MESH, targetDatabase: MESH_DB }]);
    expect(full.ramShares).toHaveLength(1);
    expect(namesToQuery(full)).toContain(`"${MESH_DB}"."usecase1_cell_kpis"`);
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom([full.plan]));
    const { Table } = await tableThroughLink(MESH_DB, 'usecase1_cell_kpis');
    // Through a database link, Glue answers with the shared table itself.
    expect(Table).toMatchObject({ CatalogId: MESH, DatabaseName: MESH_DB, Name: 'usecase1_cell_kpis' });
    expect(Table?.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['id', 'value']);

    // Every call names the human: the approver in the mesh account, the requester in the consumer account.
    const calls = world.emu.controls.calls.list().filter((c) => c.service !== 'sts' && c.sessionName === `meshbot-${jobRequestId}`);
    const inMesh = calls.filter((c) => c.accountId === MESH);
    const inConsumer = calls.filter((c) => c.accountId === CONSUMER);
    expect(inMesh.map((c) => c.operation)).toEqual(expect.arrayContaining(['BatchGrantPermissions', 'ListResources']));
    expect(inConsumer.map((c) => c.operation)).toEqual(expect.arrayContaining(['GetResourceShareInvitations', 'AcceptResourceShareInvitation', 'CreateDatabase', 'BatchGrantPermissions']));
    expect(new Set(inMesh.map((c) => `${c.roleName}/${c.sourceIdentity}`))).toEqual(new Set([`MeshbotProducer-111111111111/${USERS.pat.userId}`]));
    expect(new Set(inConsumer.map((c) => `${c.roleName}/${c.sourceIdentity}`))).toEqual(new Set([`MeshbotConsumer/${USERS.casey.userId}`]));
  });

  it('running the job again changes nothing', async () => {
    world.emu.controls.calls.clear();
    const again = (await runGrant(world.deps, world.ctx(USERS.pat), { id: full.id })).subscription;
    expect(again.version).toBe(full.version);
    expect(world.emu.controls.calls.list({ service: 'lakeformation' })).toEqual([]);
  });
});

describe('two overlapping subscriptions of one consumer account', () => {
  it('a second, partial subscription gets table links in its own local database', async () => {
    ({ subscription: partial } = await subscribe(
      { productId: MESH_DB, tables: ['usecase1_cell_kpis', 'usecase2_customer_churn'], permissions: ['SELECT'], columns: { kind: 'include', names: ['id'] }, justification: 'Site ids only' },
      USERS.sam,
    ));

    expect(partial.status).toBe('ACTIVE');
    expect(namesToQuery(partial)).toEqual([`"${MESH_DB}_tables"."usecase1_cell_kpis"`, `"${MESH_DB}_tables"."usecase2_customer_churn"`]);
    expect((await tableThroughLink(`${MESH_DB}_tables`, 'usecase2_customer_churn')).Table?.TargetTable).toEqual({ CatalogId: MESH, DatabaseName: MESH_DB, Name: 'usecase2_customer_churn' });
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom([full.plan, partial.plan]));
  });

  it('revoking one leaves the other its grants and links', async () => {
    const revoked = (await revokeSubscription(world.deps, world.ctx(USERS.pat), { id: full.id, reason: 'replaced by the column-limited subscription' })).subscription;

    expect(revoked.status).toBe('REVOKED');
    expect(revoked.history.map((h) => h.event)).toEqual(['request', 'approve', 'grant-succeeded', 'revoke', 'revoke-succeeded']);
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom([partial.plan]));
    await expect(consumerRole.glue.send(new GetDatabaseCommand({ CatalogId: CONSUMER, Name: MESH_DB }))).rejects.toBeInstanceOf(EntityNotFoundException);
    expect((await tableThroughLink(`${MESH_DB}_tables`, 'usecase1_cell_kpis')).Table?.StorageDescriptor?.Columns).toBeDefined();
  });
});

describe('modifying an active subscription', () => {
  it('revokes and grants exactly the difference', async () => {
    const before = await grantedTo(pool, CONSUMER);
    world.emu.controls.calls.clear();

    const modified = (await modifySubscription(world.deps, world.ctx(USERS.pat), { id: partial.id, permissions: ['SELECT', 'INSERT'], columns: null, reason: 'all columns, and loads' })).subscription;

    expect(modified.status).toBe('ACTIVE');
    // Recorded before Lake Formation was touched (→ MODIFYING), then finished (→ ACTIVE).
    expect(modified.history.slice(-2)).toMatchObject([
      { event: 'modify', from: 'ACTIVE', to: 'MODIFYING', note: 'all columns, and loads' },
      { event: 'modify-succeeded', from: 'MODIFYING', to: 'ACTIVE', actor: { system: 'modify-job' } },
    ]);
    expect(modified.previousPlan).toBeUndefined();
    expect(world.emu.controls.calls.counts({ service: 'lakeformation' })).toEqual({ 'lakeformation.BatchRevokePermissions': 1, 'lakeformation.BatchGrantPermissions': 1 });
    const after = await grantedTo(pool, CONSUMER);
    expect(after).toEqual(expectedFrom([modified.plan]));
    const removed = Object.keys(before).filter((k) => !(k in after));
    const added = Object.keys(after).filter((k) => !(k in before));
    const columns = (table: string, names: string[] | null) => JSON.stringify(['s', MESH, MESH_DB, table, names, names === null ? [] : null]);
    const table = (name: string) => JSON.stringify(['t', MESH, MESH_DB, name]);
    const [one, two] = ['usecase1_cell_kpis', 'usecase2_customer_churn'];
    expect(removed.sort()).toEqual([columns(one, ['id']), columns(two, ['id'])].sort());
    expect(added.sort()).toEqual([columns(one, null), columns(two, null), table(one), table(two)].sort());
  });

  it('grants a permission added to an entry it already holds (INSERT → INSERT, DESCRIBE on the same tables)', async () => {
    const modified = (await modifySubscription(world.deps, world.ctx(USERS.pat), { id: partial.id, permissions: ['SELECT', 'INSERT', 'DESCRIBE'], reason: 'the definitions too' })).subscription;

    expect(modified.status).toBe('ACTIVE');
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom([modified.plan]));
    expect((await grantedTo(pool, CONSUMER))[JSON.stringify(['t', MESH, MESH_DB, 'usecase1_cell_kpis'])]).toContain('DESCRIBE');
  });
});

describe('revoking the last subscription', () => {
  it('removes every grant and link: the consumer role can no longer read the tables', async () => {
    const revoked = (await revokeSubscription(world.deps, world.ctx(USERS.casey), { id: partial.id, reason: 'project ended' })).subscription;

    expect(revoked.status).toBe('REVOKED');
    expect(await grantedTo(pool, CONSUMER)).toEqual({});
    await expect(tableThroughLink(`${MESH_DB}_tables`, 'usecase1_cell_kpis')).rejects.toBeInstanceOf(EntityNotFoundException);
    await expect(consumerRole.glue.send(new GetDatabaseCommand({ CatalogId: CONSUMER, Name: `${MESH_DB}_tables` }))).rejects.toBeInstanceOf(EntityNotFoundException);
    await expect(consumerRole.glue.send(new GetTableCommand({ CatalogId: MESH, DatabaseName: MESH_DB, Name: 'usecase1_cell_kpis' }))).rejects.toBeInstanceOf(AccessDeniedException);
    expect(await world.deps.stores.subscriptions.get(partial.id)).toMatchObject({ status: 'REVOKED', links: partial.links });
  });
});
