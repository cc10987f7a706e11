import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlreadyDecidedError, IllegalTransitionError, NotAuthorizedError } from '../../../../src/mesh/errors';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { checkMove } from '../../../../src/mesh/service/subscriptions/check-move';
import { requestAccess } from '../../../../src/mesh/service/subscriptions/request-access';
import { revokeSubscription } from '../../../../src/mesh/service/subscriptions/revoke-subscription';
import { runGrant } from '../../../../src/mesh/service/subscriptions/run-grant';
import type { ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, grantedTo, MESH_DB, publishProduct } from './published-product';

let world: MeshWorld;
let pool: ClientPool;

beforeAll(async () => {
  world = await startMeshWorld();
  ({ pool } = await publishProduct(world));
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

const ASK = { productId: MESH_DB, tables: ['usecase1_cell_kpis'], permissions: ['SELECT' as const], justification: 'Cell outage analysis' };

describe('checkMove', () => {
  it('judges a move as its operation would (rule, then status machine) and records nothing', async () => {
    const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), ASK);

    await expect(checkMove(world.deps, world.ctx(USERS.casey), { id: subscription.id, move: 'approve' })).rejects.toBeInstanceOf(NotAuthorizedError);
    const allowed = await checkMove(world.deps, world.ctx(USERS.pat), { id: subscription.id, move: 'approve' });
    expect(allowed.subscription.version).toBe(subscription.version);
    expect(allowed.product.id).toBe(MESH_DB);
    await expect(checkMove(world.deps, world.ctx(USERS.pat), { id: subscription.id, move: 'revoke' })).rejects.toBeInstanceOf(IllegalTransitionError);

    await approveRequest(world.deps, world.ctx(USERS.sam), { id: subscription.id });
    // A decision too late is "already decided", naming who decided; the rule comes first for anyone else.
    await expect(checkMove(world.deps, world.ctx(USERS.pat), { id: subscription.id, move: 'deny' })).rejects.toMatchObject({ name: 'AlreadyDecidedError', decidedBy: { userId: USERS.sam.userId } });
    await expect(checkMove(world.deps, world.ctx(USERS.casey), { id: subscription.id, move: 'cancel' })).rejects.toBeInstanceOf(AlreadyDecidedError);
    await expect(checkMove(world.deps, world.ctx(USERS.stranger), { id: subscription.id, move: 'deny' })).rejects.toBeInstanceOf(NotAuthorizedError);
    // Stuck GRANTING may be retried; once ACTIVE, not.
    await checkMove(world.deps, world.ctx(USERS.pat), { id: subscription.id, move: 'retry' });
    await runGrant(world.deps, world.ctx(USERS.sam), { id: subscription.id });
    await expect(checkMove(world.deps, world.ctx(USERS.pat), { id: subscription.id, move: 'retry' })).rejects.toBeInstanceOf(IllegalTransitionError);
    // The consumer side may always give its access up.
    await checkMove(world.deps, world.ctx(USERS.casey), { id: subscription.id, move: 'revoke' });
  });
});

describe('a revoke an outage stopped half-way', () => {
  it('is finished by the same revoke asked again (a redelivered job), and refused to a different one', async () => {
    const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), { ...ASK, tables: ['usecase3_sites'] });
    await approveRequest(world.deps, world.ctx(USERS.pat), { id: subscription.id });
    await runGrant(world.deps, world.ctx(USERS.pat), { id: subscription.id });
    world.emu.controls.faults.add({ service: 'sts', operation: 'AssumeRole', error: 'InternalFailure' });

    await expect(revokeSubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id, reason: 'Project over' })).rejects.toThrow();
    world.emu.controls.faults.clear();
    expect((await world.deps.stores.subscriptions.get(subscription.id))?.status).toBe('REVOKING');

    await expect(revokeSubscription(world.deps, world.ctx(USERS.sam), { id: subscription.id, reason: 'Another reason' })).rejects.toBeInstanceOf(IllegalTransitionError);
    const revoked = await revokeSubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id, reason: 'Project over' });

    expect(revoked.subscription.status).toBe('REVOKED');
    expect(revoked.subscription.history.filter((h) => h.event === 'revoke')).toMatchObject([{ actor: { userId: USERS.pat.userId }, note: 'Project over' }]);
    expect(Object.keys(await grantedTo(pool, CONSUMER)).filter((key) => key.includes('usecase3_sites'))).toEqual([]);
  });
});
