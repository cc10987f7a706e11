import { GetTableCommand } from '@aws-sdk/client-glue';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lakeFormationPermissions } from '../../../../src/mesh/aws/lake-formation-permissions';
import { producerRoleInMesh } from '../../../../src/mesh/domain/account-roles';
import type { Subscription } from '../../../../src/mesh/domain/subscription';
import { SYSTEM_SOURCE_IDENTITY } from '../../../../src/mesh/domain/system-actor';
import { AwsRefusedError, InvitationExpiredError } from '../../../../src/mesh/errors';
import { executeEntries } from '../../../../src/mesh/execute/grant-executor';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { requestAccess, type RequestAccessInput } from '../../../../src/mesh/service/subscriptions/request-access';
import { modifySubscription } from '../../../../src/mesh/service/subscriptions/modify-subscription';
import { resumeInterrupted } from '../../../../src/mesh/service/subscriptions/resume-interrupted';
import { retrySubscription } from '../../../../src/mesh/service/subscriptions/retry-subscription';
import { revokeSubscription } from '../../../../src/mesh/service/subscriptions/revoke-subscription';
import { runGrant } from '../../../../src/mesh/service/subscriptions/run-grant';
import { planGrants } from '../../../../src/mesh/plan/plan-grants';
import { SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { advanceClock, type ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, expectedFrom, grantedTo, MESH, MESH_DB, PRODUCER, publishProduct } from './published-product';

let world: MeshWorld;
let pool: ClientPool;

beforeAll(async () => {
  world = await startMeshWorld();
  ({ pool } = await publishProduct(world));
});

afterEach(() => {
  world.emu.controls.faults.clear();
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

async function approved(input: Partial<RequestAccessInput> = {}): Promise<Subscription> {
  const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, permissions: ['SELECT'], justification: 'Churn model', ...input });
  return (await approveRequest(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;
}

const activePlans = async () => (await world.deps.stores.subscriptions.listForConsumer(CONSUMER, { limit: 100 })).items.filter((s) => s.status === 'ACTIVE').map((s) => s.plan);
const grantCalls = () => world.emu.controls.calls.list({ operation: 'BatchGrantPermissions', accountId: MESH });

describe('an invitation that expires before the import', () => {
  it('is recorded as a failure with InvitationExpiredError’s message, and a retry grants again and recovers', async () => {
    const subscription = await approved();
    // The job dies after its grants, before the import (a failing RAM call stands in for the crash).
    world.emu.controls.faults.add({ service: 'ram', operation: 'ListResources', error: 'ServerInternalException', count: 1 });
    const interrupted = (await runGrant(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;
    expect(interrupted.status).toBe('FAILED');
    expect(Object.values(interrupted.results).every((r) => r.outcome === 'DONE')).toBe(true);

    await advanceClock(world.emu, 12 * 60 * 60);
    const expired = (await retrySubscription(world.deps, world.ctx(USERS.casey), { id: subscription.id })).subscription;

    expect(expired.status).toBe('FAILED');
    const message = expired.history.at(-1)?.note ?? '';
    expect(message).toMatch(/^the share invitation to account 999999999999 expired before it was accepted \(arn:aws:ram:/);
    expect(Object.values(expired.results).map((r) => r.errorCode)).toEqual(expired.plan.map(() => new InvitationExpiredError('x', CONSUMER).code));

    world.emu.controls.calls.clear();
    const recovered = (await retrySubscription(world.deps, world.ctx(USERS.casey), { id: subscription.id })).subscription;

    expect(recovered.status).toBe('ACTIVE');
    expect(grantCalls()).toHaveLength(1);
    const consumer = pool.as(await world.emu.assumeRole(SANDBOX_ROLE_ARNS.consumer));
    const { Table } = await consumer.glue.send(new GetTableCommand({ CatalogId: CONSUMER, DatabaseName: MESH_DB, Name: 'cell_towers' }));
    expect(Table?.StorageDescriptor?.Columns).toHaveLength(2);
    expect(recovered.history.map((h) => h.event)).toEqual(['request', 'approve', 'grant-failed', 'retry', 'grant-failed', 'retry', 'grant-succeeded']);
  });
});

describe('a grant that fails part-way', () => {
  it('records the failed entries (FAILED, retryable); a retry sends only those, and nothing is doubled', async () => {
    const subscription = await approved({ tables: ['usecase1_cell_kpis', 'usecase2_customer_churn'], permissions: ['SELECT', 'INSERT'] });
    // Four entries refused for good: the DESCRIBE on the database and SELECT on usecase1 are already held through the first
    // subscription (verified with ListPermissions, so DONE); INSERT on both tables fail.
    world.emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'AccessDeniedException', count: 4, perEntry: true });

    const failed = (await runGrant(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;

    expect(failed.status).toBe('FAILED');
    expect(Object.values(failed.results).filter((r) => r.outcome === 'FAILED')).toHaveLength(2);
    expect(failed.history.at(-1)?.note).toMatch(/^2 of 5 entries failed: AccessDeniedException/);

    world.emu.controls.calls.clear();
    const retried = (await retrySubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;

    expect(retried.status).toBe('ACTIVE');
    expect(grantCalls()).toHaveLength(1);
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom(await activePlans()));
  });

  it('a job that died after some grants (record left GRANTING) is finished by retry without sending them again', async () => {
    const subscription = await approved({ tables: ['cell_towers', 'usecase3_sites'], permissions: ['SELECT', 'INSERT'], columns: { kind: 'exclude', names: ['value'] } });
    const { lakeFormation } = world.deps.clientsFor({ accountId: MESH, roleName: producerRoleInMesh(PRODUCER), actor: USERS.pat.userId, requestId: 'dead-worker' });
    const done = await executeEntries('grant', subscription.plan.slice(0, 3), { permissions: lakeFormationPermissions(lakeFormation, MESH) });
    await world.deps.stores.subscriptions.save({ ...subscription, results: done, version: subscription.version + 1 });

    world.emu.controls.calls.clear();
    const finished = (await retrySubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;

    expect(finished.status).toBe('ACTIVE');
    expect(grantCalls()).toHaveLength(1);
    expect(finished.history.map((h) => h.event).slice(-2)).toEqual(['retry', 'grant-succeeded']);
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom(await activePlans()));
  });
});

describe('a revoke that fails part-way', () => {
  it('stays REVOKING with the reason thrown; retry finishes it', async () => {
    const subscription = await approved({ tables: ['usecase1_cell_kpis'], permissions: ['DESCRIBE'] });
    await runGrant(world.deps, world.ctx(USERS.pat), { id: subscription.id });
    world.emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchRevokePermissions', error: 'AccessDeniedException', count: 1, perEntry: true });

    await expect(revokeSubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id, reason: 'done' })).rejects.toBeInstanceOf(AwsRefusedError);
    expect((await world.deps.stores.subscriptions.get(subscription.id))?.status).toBe('REVOKING');

    const revoked = (await retrySubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;
    expect(revoked.status).toBe('REVOKED');
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom(await activePlans()));
  });
});

describe('work a killed job left half-way (GRANTING, MODIFYING, REVOKING)', () => {
  it('is found by the sweep once old enough, recorded as resumed by the system, and finished by the bot itself, not a borrowed person', async () => {
    // Three subscriptions whose jobs died right after their status write, before Lake Formation heard of it.
    const granting = await approved({ tables: ['usecase1_cell_kpis'] });
    const toModify = (await runGrant(world.deps, world.ctx(USERS.pat), { id: (await approved({ tables: ['usecase2_customer_churn'] })).id })).subscription;
    const toRevoke = (await runGrant(world.deps, world.ctx(USERS.pat), { id: (await approved({ tables: ['cell_towers'] })).id })).subscription;
    const at = new Date().toISOString();
    await world.deps.stores.subscriptions.record(toModify.id, { event: 'modify', actor: USERS.sam, at, patch: { plan: planGrants({ meshCatalogId: MESH, meshDatabase: MESH_DB, tables: toModify.tables, grantee: CONSUMER, permissions: ['SELECT', 'INSERT'], grantable: [] }), previousPlan: toModify.plan, results: {}, grantedPermissions: ['SELECT', 'INSERT'] } });
    await world.deps.stores.subscriptions.record(toRevoke.id, { event: 'revoke', actor: USERS.pat, at, note: 'project ended' });
    const ids = [granting.id, toModify.id, toRevoke.id];

    // Too recent: a worker may still be at it.
    expect(await world.deps.stores.subscriptions.get(granting.id).then((s) => world.deps.clock() - Date.parse(s!.updatedAt))).toBeLessThan(60_000);
    expect((await resumeInterrupted(world.deps, { updatedBeforeMs: Date.parse(at) - 60_000, requestId: 'sweep-early' })).map((r) => r.subscription.id)).toEqual([]);

    const resumed = await resumeInterrupted(world.deps, { updatedBeforeMs: Date.now() + 1, requestId: 'sweep-1' });

    expect(Object.fromEntries(resumed.filter((r) => ids.includes(r.subscription.id)).map((r) => [r.subscription.id, r.subscription.status]))).toEqual({
      [granting.id]: 'ACTIVE',
      [toModify.id]: 'ACTIVE',
      [toRevoke.id]: 'REVOKED',
    });
    for (const { subscription } of resumed) {
      expect(subscription.history.find((h) => h.event === 'retry')).toMatchObject({ actor: { system: 'resume-sweep' }, note: expect.stringContaining('without progress: resumed') as string });
      // From the resume on, only the system acted.
      const since = subscription.history.findIndex((h) => h.event === 'retry');
      expect(subscription.history.slice(since).filter((h) => !('system' in h.actor))).toEqual([]);
    }
    expect((await world.deps.stores.subscriptions.get(toModify.id))?.grantedPermissions).toEqual(['SELECT', 'INSERT']);
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom(await activePlans()));
    // The resumed work acted in AWS as the bot itself, in the mesh and the consumer account alike.
    const sessions = world.emu.controls.calls.list().filter((c) => c.service !== 'sts' && c.sessionName?.includes('sweep-1') === true);
    expect(new Set(sessions.map((c) => c.accountId))).toEqual(new Set([MESH, CONSUMER]));
    expect(sessions.map((c) => c.operation)).toContain('BatchGrantPermissions');
    expect(new Set(sessions.map((c) => c.sourceIdentity))).toEqual(new Set([SYSTEM_SOURCE_IDENTITY]));
    // Nothing is left to resume.
    expect(await resumeInterrupted(world.deps, { updatedBeforeMs: Date.now() + 1, requestId: 'sweep-2' })).toEqual([]);
  });
});

describe('a modify some of whose new grants are refused', () => {
  it('ends FAILED with what it holds counted, not ACTIVE with a grant missing; retry grants the rest', async () => {
    const active = (await runGrant(world.deps, world.ctx(USERS.pat), { id: (await approved({ tables: ['usecase3_sites'] })).id })).subscription;
    world.emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'AccessDeniedException', perEntry: true, count: 1 });

    // DESCRIBE on the table: held by no other subscription of the account (a refused entry already held counts as done).
    const modified = (await modifySubscription(world.deps, world.ctx(USERS.sam), { id: active.id, permissions: ['SELECT', 'DESCRIBE'], reason: 'the definitions too' })).subscription;

    expect(modified.status).toBe('FAILED');
    expect(modified.history.at(-1)).toMatchObject({ event: 'grant-failed', from: 'MODIFYING', note: expect.stringContaining('AccessDeniedException') as string });
    world.emu.controls.faults.clear();
    const retried = (await retrySubscription(world.deps, world.ctx(USERS.pat), { id: active.id })).subscription;
    expect(retried.status).toBe('ACTIVE');
    expect(retried.grantedPermissions).toEqual(['SELECT', 'DESCRIBE']);
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom(await activePlans()));
  });
});
