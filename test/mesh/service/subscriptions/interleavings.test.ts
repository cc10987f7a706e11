import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../../../src/mesh/domain/subscription';
import type { MeshDeps } from '../../../../src/mesh/service/mesh-deps';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { cancelRequest } from '../../../../src/mesh/service/subscriptions/cancel-request';
import { modifySubscription } from '../../../../src/mesh/service/subscriptions/modify-subscription';
import { requestAccess } from '../../../../src/mesh/service/subscriptions/request-access';
import { retrySubscription } from '../../../../src/mesh/service/subscriptions/retry-subscription';
import { revokeSubscription } from '../../../../src/mesh/service/subscriptions/revoke-subscription';
import { runGrant } from '../../../../src/mesh/service/subscriptions/run-grant';
import { MeshError } from '../../../../src/mesh/errors';
import type { ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, expectedFrom, grantedTo, MESH_DB, publishProduct, TELCO_TABLES } from './published-product';

// Random interleavings of approve, modify, revoke, retry and cancel on overlapping subscriptions of
// one consumer account, as they happen in every run mode: the status writes of concurrent operations
// race freely (two Slack clicks, an ack path beside a worker), while the Lake Formation work for one
// consumer account is ordered, by the in-process lock locally and by the SQS FIFO group (`jobGroup`)
// across workers. After each schedule Lake Formation must hold exactly the union of what the
// subscriptions that need grants hold: no orphan, nothing missing, nothing left half-way.

const SCHEDULES = Number(process.env.INTERLEAVINGS ?? 500);

let world: MeshWorld;
let pool: ClientPool;
const report = { schedules: 0, operations: 0, refused: 0, lfChecks: 0 };

beforeAll(async () => {
  world = await startMeshWorld();
  ({ pool } = await publishProduct(world));
});

afterAll(async () => {
  console.log(`interleavings: ${String(report.schedules)} schedules, ${String(report.operations)} operations (${String(report.refused)} refused as the state had moved on), ${String(report.lfChecks)} Lake Formation checks`);
  pool.destroy();
  await world.close();
});

const OPS = ['approve', 'modify', 'revoke', 'retry', 'cancel'] as const;
type Op = { kind: (typeof OPS)[number]; sub: number; delay: number; insert: boolean };

const tableSet = fc.subarray(TELCO_TABLES, { minLength: 1, maxLength: 3 });
const op = (subs: number): fc.Arbitrary<Op> =>
  fc.record({ kind: fc.constantFrom(...OPS), sub: fc.nat({ max: subs - 1 }), delay: fc.nat({ max: 6 }), insert: fc.boolean() });
// Rounds run one after the other; the operations of a round run at once (each after a few ms), so
// races happen between operations on subscriptions that earlier rounds made ACTIVE.
const schedule = fc.integer({ min: 2, max: 3 }).chain((subs) =>
  fc.record({ tables: fc.array(tableSet, { minLength: subs, maxLength: subs }), rounds: fc.array(fc.array(op(subs), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 }) }),
);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Run one operation as the product owner (or the requester, for cancel); refusals because the state moved on are expected. */
async function run(deps: MeshDeps, id: string, o: Op): Promise<void> {
  await sleep(o.delay);
  const as = (user: (typeof USERS)[keyof typeof USERS]) => world.ctx(user);
  try {
    switch (o.kind) {
      case 'approve':
        await approveRequest(deps, as(USERS.pat), { id });
        await runGrant(deps, as(USERS.pat), { id });
        return;
      case 'modify':
        await modifySubscription(deps, as(USERS.sam), { id, permissions: o.insert ? ['SELECT', 'INSERT'] : ['SELECT'] });
        return;
      case 'revoke':
        await revokeSubscription(deps, as(USERS.pat), { id, reason: 'interleaving' });
        return;
      case 'retry':
        await retrySubscription(deps, as(USERS.pat), { id });
        return;
      case 'cancel':
        await cancelRequest(deps, as(USERS.casey), { id });
        return;
    }
  } catch (error) {
    if (!(error instanceof MeshError)) throw error;
    report.refused += 1;
  }
}

/** What Lake Formation must hold for these subscriptions: the plan of ACTIVE ones, what FAILED ones got. */
function needed(subscriptions: readonly Subscription[]) {
  return expectedFrom(
    subscriptions.map((s) => (s.status === 'ACTIVE' ? s.plan : s.status === 'FAILED' ? s.plan.filter((e) => s.results[e.Id]?.outcome === 'DONE') : [])),
  );
}

const current = (ids: readonly string[]) => Promise.all(ids.map(async (id) => (await world.deps.stores.subscriptions.get(id))!));

describe('any interleaving of changes to overlapping subscriptions', () => {
  it(`leaves Lake Formation holding exactly what the subscriptions need (${String(SCHEDULES)} random schedules)`, async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async ({ tables, rounds }) => {
        const ids: string[] = [];
        for (const [i, picked] of tables.entries()) {
          ids.push((await requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, tables: picked, permissions: ['SELECT'], justification: `schedule ${String(i)}` })).subscription.id);
        }
        for (const ops of rounds) {
          await Promise.all(ops.map((o) => run(world.deps, ids[o.sub]!, o)));
          report.operations += ops.length;
        }
        report.schedules += 1;

        // Nothing is left half-way: every change finished (or was refused before touching AWS).
        const after = await current(ids);
        expect(after.filter((s) => ['GRANTING', 'MODIFYING', 'REVOKING'].includes(s.status)).map((s) => `${s.id} ${s.status}`)).toEqual([]);
        expect(await grantedTo(pool, CONSUMER)).toEqual(needed(after));
        report.lfChecks += 1;

        // Then everything is revoked, and nothing may remain.
        for (const s of after.filter((x) => x.status === 'ACTIVE' || x.status === 'FAILED')) await revokeSubscription(world.deps, world.ctx(USERS.pat), { id: s.id, reason: 'clean up' });
        for (const s of after.filter((x) => x.status === 'PENDING')) await cancelRequest(world.deps, world.ctx(USERS.casey), { id: s.id });
        expect(await grantedTo(pool, CONSUMER)).toEqual({});
        report.lfChecks += 1;
      }),
      { numRuns: SCHEDULES, seed: Number(process.env.INTERLEAVINGS_SEED ?? 20261202), endOnFailure: true },
    );
  }, 600_000);
});
