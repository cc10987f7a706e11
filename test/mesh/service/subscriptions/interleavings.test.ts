import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { cleanUp, currentOf, grantDifference, inFlight, QUERY_ROLE, queryGrantDifference, runSchedule, scheduleArbitrary, type InterleavingReport } from '../../../support/interleavings';
import { startMeshWorld, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, publishProduct } from './published-product';

// Random interleavings of approve, modify, revoke, retry and cancel on overlapping subscriptions of one
// consumer account (test/support/interleavings.ts says how they run). After each schedule Lake
// Formation must hold exactly the union of what the subscriptions need — no orphan, nothing missing,
// nothing left half-way, for the consumer account and for its query role — and after revoking
// everything, nothing. `npm run bench -- chaos` runs more,
// with faults injected.

const SCHEDULES = Number(process.env.INTERLEAVINGS ?? 500);

let world: MeshWorld;
let pool: ClientPool;
const report: InterleavingReport = { schedules: 0, operations: 0, refused: 0 };

beforeAll(async () => {
  world = await startMeshWorld();
  ({ pool } = await publishProduct(world));
  const consumer = await world.deps.stores.accounts.get(CONSUMER);
  await world.deps.stores.accounts.save({ ...consumer!, queryPrincipals: [QUERY_ROLE], version: consumer!.version + 1 });
});

afterAll(async () => {
  console.log(`interleavings: ${String(report.schedules)} schedules, ${String(report.operations)} operations (${String(report.refused)} refused as the state had moved on)`);
  pool.destroy();
  await world.close();
});

describe('any interleaving of changes to overlapping subscriptions', () => {
  it(`leaves Lake Formation holding exactly what the subscriptions need (${String(SCHEDULES)} random schedules)`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArbitrary, async (schedule) => {
        const after = await currentOf(world, await runSchedule(world, schedule, report));

        expect(inFlight(after).map((s) => `${s.id} ${s.status}`)).toEqual([]);
        expect(await grantDifference(pool, after)).toEqual({ orphans: [], missing: [] });
        expect(await queryGrantDifference(pool, after)).toEqual({ orphans: [], missing: [] });

        await cleanUp(world, after);
        expect(await grantDifference(pool, [])).toEqual({ orphans: [], missing: [] });
        expect(await queryGrantDifference(pool, [])).toEqual({ orphans: [], missing: [] });
      }),
      { numRuns: SCHEDULES, seed: Number(process.env.INTERLEAVINGS_SEED ?? 20261202), endOnFailure: true },
    );
  }, 600_000);
});
