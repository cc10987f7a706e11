import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackUser } from '../../../../src/mesh/domain/slack-user';
import { AlreadyDecidedError, InvalidInputError, MeshError, NotAuthorizedError } from '../../../../src/mesh/errors';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { cancelRequest } from '../../../../src/mesh/service/subscriptions/cancel-request';
import { denyRequest } from '../../../../src/mesh/service/subscriptions/deny-request';
import { expirePending } from '../../../../src/mesh/service/subscriptions/expire-pending';
import { getSubscription } from '../../../../src/mesh/service/subscriptions/get-subscription';
import { listSubscriptions } from '../../../../src/mesh/service/subscriptions/list-subscriptions';
import { requestAccess, type RequestAccessInput } from '../../../../src/mesh/service/subscriptions/request-access';
import type { ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, MESH_DB, PRODUCER, publishProduct } from './published-product';

const OTHER_PRODUCER = { teamId: 'T0SANDBOX', userId: 'U0OTHERPROD' };
let world: MeshWorld;
let pool: ClientPool;

beforeAll(async () => {
  world = await startMeshWorld({ config: { remindPendingAfterHours: 24, expirePendingAfterHours: 168 } });
  ({ pool } = await publishProduct(world));
  await world.deps.stores.identities.save({ user: OTHER_PRODUCER, personas: [{ accountId: '222222222222', kind: 'producer' }], updatedAt: new Date().toISOString(), version: 1 });
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

const REQUEST: RequestAccessInput = { productId: MESH_DB, tables: ['usecase1_cell_kpis'], permissions: ['SELECT'], justification: 'Churn model for Q4' };
const request = async (input: Partial<RequestAccessInput> = {}, user: SlackUser = USERS.casey) => (await requestAccess(world.deps, world.ctx(user), { ...REQUEST, ...input })).subscription;
const stored = async () => (await world.deps.stores.subscriptions.listForConsumer(CONSUMER, { limit: 100 })).items.length;

describe('requesting access', () => {
  it('records a PENDING request for the requester’s only consumer account and names the owners to notify', async () => {
    const { subscription, notify } = await requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, permissions: ['SELECT', 'DESCRIBE'], justification: ' Churn model ' });

    expect(subscription).toMatchObject({ status: 'PENDING', consumerAccountId: CONSUMER, producerAccountId: PRODUCER, tables: ['cell_towers', 'usecase1_cell_kpis', 'usecase2_customer_churn', 'usecase3_sites'], justification: 'Churn model', version: 1, plan: [] });
    expect(subscription.history).toEqual([{ at: subscription.createdAt, actor: USERS.casey, event: 'request', to: 'PENDING' }]);
    expect(notify).toEqual([USERS.pat, USERS.sam]);
    expect(await getSubscription(world.deps, world.ctx(USERS.casey), { id: subscription.id })).toEqual(subscription);
    // A stranger (mapped to no account) learns nothing of it.
    await expect(getSubscription(world.deps, world.ctx(USERS.stranger), { id: subscription.id })).rejects.toThrow('subscriptions are shown to people mapped');
  });

  it.each([
    ['an unoffered permission', { permissions: ['DELETE'] }, /does not offer DELETE.*it offers SELECT, DESCRIBE, INSERT/],
    ['an unknown table', { tables: ['usecase9'] }, /has no table usecase9.*its tables are cell_towers, usecase1_cell_kpis/],
    ['a missing reason', { justification: '   ' }, /justification: a reason is required/],
    ['columns without SELECT', { permissions: ['INSERT'], columns: { kind: 'include', names: ['id'] } }, /column filter limits SELECT/],
    ['an unknown product', { productId: 'hr-111111111111' }, /no data product hr-111111111111/],
  ] as const)('refuses %s and records nothing', async (_case, input, message) => {
    const before = await stored();
    const attempt = requestAccess(world.deps, world.ctx(USERS.casey), { ...REQUEST, ...input } as RequestAccessInput);
    await expect(attempt).rejects.toSatisfy((e: unknown) => e instanceof MeshError && message.test(`${e.message}; ${e.hint ?? ''}`));
    expect(await stored()).toBe(before);
  });

  it('refuses a user not mapped as consumer of the account', async () => {
    await expect(request({ consumerAccountId: CONSUMER }, USERS.pat)).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});

describe('deciding', () => {
  it('refuses a producer of another account and a stranger, changing nothing', async () => {
    const pending = await request();
    for (const user of [OTHER_PRODUCER, USERS.stranger]) {
      await expect(approveRequest(world.deps, world.ctx(user), { id: pending.id })).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(denyRequest(world.deps, world.ctx(user), { id: pending.id, reason: 'no' })).rejects.toBeInstanceOf(NotAuthorizedError);
    }
    expect(await world.deps.stores.subscriptions.get(pending.id)).toEqual(pending);
  });

  it('refuses self-approval, even by a mesh admin', async () => {
    const own = await request({ consumerAccountId: CONSUMER }, USERS.ada);
    await expect(approveRequest(world.deps, world.ctx(USERS.ada), { id: own.id })).rejects.toThrow(/your own request/);
    expect((await world.deps.stores.subscriptions.get(own.id))?.status).toBe('PENDING');
  });

  it('approves with changes: narrower permissions, notes, and the plan recorded; the second owner learns who decided', async () => {
    const pending = await request({ permissions: ['SELECT', 'INSERT'] });
    const approved = (await approveRequest(world.deps, world.ctx(USERS.pat), { id: pending.id, changes: { permissions: ['SELECT'], notes: 'read only for now' } })).subscription;

    expect(approved).toMatchObject({ status: 'GRANTING', grantedPermissions: ['SELECT'], decisionNotes: 'read only for now', decidedBy: USERS.pat });
    expect(approved.plan.map((e) => e.Id)).toEqual(['db', expect.stringMatching(/^s\./)]);
    await expect(approveRequest(world.deps, world.ctx(USERS.sam), { id: pending.id })).rejects.toThrow(AlreadyDecidedError);
    await expect(approveRequest(world.deps, world.ctx(USERS.sam), { id: pending.id })).rejects.toThrow(/U0PRODUCER/);
  });

  it('refuses an approval granting more than was requested', async () => {
    const pending = await request();
    await expect(approveRequest(world.deps, world.ctx(USERS.pat), { id: pending.id, changes: { permissions: ['INSERT'] } })).rejects.toThrow(/INSERT is not requested/);
  });

  it('two owners approving at once: exactly one wins', async () => {
    const pending = await request();
    const outcomes = await Promise.allSettled([USERS.pat, USERS.sam].map((u) => approveRequest(world.deps, world.ctx(u), { id: pending.id })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = outcomes.find((o) => o.status === 'rejected');
    expect(loser?.reason).toBeInstanceOf(AlreadyDecidedError);
  });

  it('denies with the reason in the history and the decision notes; a reason is required', async () => {
    const pending = await request();
    await expect(denyRequest(world.deps, world.ctx(USERS.sam), { id: pending.id, reason: '' })).rejects.toBeInstanceOf(InvalidInputError);

    const denied = (await denyRequest(world.deps, world.ctx(USERS.sam), { id: pending.id, reason: 'use the aggregated product' })).subscription;

    expect(denied).toMatchObject({ status: 'DENIED', decisionNotes: 'use the aggregated product', decidedBy: USERS.sam });
    expect(denied.history.at(-1)).toMatchObject({ event: 'deny', actor: USERS.sam, note: 'use the aggregated product', from: 'PENDING', to: 'DENIED' });
  });

  it('lets the requester cancel, and nobody else but a mesh admin', async () => {
    const pending = await request();
    await expect(cancelRequest(world.deps, world.ctx(USERS.pat), { id: pending.id })).rejects.toBeInstanceOf(NotAuthorizedError);
    expect(((await cancelRequest(world.deps, world.ctx(USERS.casey), { id: pending.id, reason: 'asked by mistake' })).subscription).status).toBe('CANCELLED');
  });
});

describe('the pending sweep and the lists', () => {
  it('expires requests undecided too long and lists those due a reminder', async () => {
    const now = Date.now();
    const old = await request();
    const older = await request();
    await world.deps.stores.subscriptions.save({ ...old, createdAt: new Date(now - 30 * 3600_000).toISOString(), version: 2 });
    await world.deps.stores.subscriptions.save({ ...older, createdAt: new Date(now - 200 * 3600_000).toISOString(), version: 2 });

    const { expired, remindersDue } = await expirePending(world.deps);

    expect(expired.map((s) => s.id)).toEqual([older.id]);
    expect(expired[0]?.history.at(-1)).toMatchObject({ event: 'expire', actor: { system: 'expiry-sweep' }, to: 'EXPIRED' });
    expect(remindersDue.map((s) => s.id)).toEqual([old.id]);
  });

  it('lists by requester, pending producer, consumer, product and status', async () => {
    const ctx = world.ctx(USERS.casey);
    const mine = await listSubscriptions(world.deps, ctx, { kind: 'mine', limit: 100 });
    const pending = await listSubscriptions(world.deps, ctx, { kind: 'pending', producerAccountId: PRODUCER, limit: 100 });
    const byStatus = await listSubscriptions(world.deps, ctx, { kind: 'status', status: 'PENDING', limit: 100 });
    const byProduct = await listSubscriptions(world.deps, ctx, { kind: 'product', productId: MESH_DB, limit: 100 });
    const byConsumer = await listSubscriptions(world.deps, ctx, { kind: 'consumer', consumerAccountId: CONSUMER, limit: 100 });

    expect(mine.items.every((s) => s.requester.userId === USERS.casey.userId)).toBe(true);
    expect(pending.items.map((s) => s.id).sort()).toEqual(byStatus.items.map((s) => s.id).sort());
    expect(pending.items.every((s) => s.status === 'PENDING')).toBe(true);
    expect(byProduct.items).toHaveLength(byConsumer.items.length);
    expect(byConsumer.items.map((s) => s.id)).toEqual(byConsumer.items.map((s) => s.id).toSorted().reverse());
  });
});
