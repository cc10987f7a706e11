import fc from 'fast-check';
import type { ClientPool } from '../test/sandbox/aws/cross-account/service-clients';
import { cleanUp, currentOf, grantDifference, inFlight, runSchedule, scheduleArbitrary, sweepInterrupted, type InterleavingReport, type Schedule } from '../test/support/interleavings';
import { startMeshWorld, type MeshWorld } from '../test/support/mesh-world';
import { publishProduct } from '../test/mesh/service/subscriptions/published-product';
import type { BenchSection } from './results-file';

const SCHEDULES = Number(process.env.CHAOS_SCHEDULES ?? 10_000);

/**
 * Schedules per world: a revoke or modify reads every subscription of the consumer account (records
 * are kept for ever), so one world for all 10,000 would measure that growth instead of the faults.
 */
const SCHEDULES_PER_WORLD = 250;

/** What a run counts, over all its worlds. */
interface Totals {
  orphans: number;
  missing: number;
  stuck: number;
  stuckBeforeSweep: number;
  leftAfterCleanUp: number;
  failedSubscriptions: number;
  faultsFired: number;
}

/** Faults on every service the operations call, by seeded rate, so a run can be replayed. */
function injectFaults(world: MeshWorld): void {
  const faults = world.emu.controls.faults;
  faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ThrottledException', rate: 0.15, seed: 11 });
  faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ConcurrentModificationException', rate: 0.1, seed: 12 });
  faults.add({ service: 'lakeformation', operation: 'BatchRevokePermissions', error: 'ConcurrentModificationException', rate: 0.1, seed: 13 });
  faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'AccessDeniedException', rate: 0.05, seed: 14, perEntry: true });
  faults.add({ service: 'lakeformation', operation: 'BatchRevokePermissions', error: 'InternalServiceException', rate: 0.05, seed: 15, perEntry: true });
  faults.add({ service: 'ram', error: 'ServerInternalException', rate: 0.03, seed: 16 });
  faults.add({ service: 'glue', error: 'InternalServiceException', rate: 0.02, seed: 17 });
}

/** Run schedules (numbered from `first`) on a new emulator and store, adding to the totals. */
async function runInFreshWorld(schedules: readonly Schedule[], first: number, report: InterleavingReport, totals: Totals): Promise<void> {
  const world = await startMeshWorld();
  let pool: ClientPool | undefined;
  try {
    ({ pool } = await publishProduct(world));
    for (const [offset, schedule] of schedules.entries()) {
      const i = first + offset;
      injectFaults(world);
      const ids = await runSchedule(world, schedule, report);
      totals.stuckBeforeSweep += inFlight(await currentOf(world, ids)).length;
      await sweepInterrupted(world, `chaos-sweep-${String(i)}`);
      const after = await currentOf(world, ids);
      totals.faultsFired += world.emu.controls.faults.list().reduce((sum, f) => sum + f.fired, 0);
      world.emu.controls.faults.clear();
      const difference = await grantDifference(pool, after);
      totals.orphans += difference.orphans.length;
      totals.missing += difference.missing.length;
      totals.stuck += inFlight(after).length;
      totals.failedSubscriptions += after.filter((s) => s.status === 'FAILED').length;
      // Whatever the sweep could not finish is finished now that the faults are gone, then all revoked.
      await sweepInterrupted(world, `chaos-clean-${String(i)}`);
      await cleanUp(world, await currentOf(world, ids));
      await sweepInterrupted(world, `chaos-clean-${String(i)}-2`);
      totals.leftAfterCleanUp += (await grantDifference(pool, [])).orphans.length;
      if ((i + 1) % 500 === 0) console.log(`chaos: ${String(i + 1)} schedules, orphans ${String(totals.orphans)}, missing ${String(totals.missing)}, stuck ${String(totals.stuck)}`);
    }
  } finally {
    pool?.destroy();
    await world.close();
  }
}

/**
 * The interleavings of the property test under faults: `CHAOS_SCHEDULES` (default 10,000) random
 * schedules of concurrent approve, modify, revoke, retry and cancel on overlapping subscriptions, with
 * throttling, conflicts, per-entry refusals and RAM/Glue errors injected. After each, the sweep finishes
 * what was left half-way (faults still on, as in life), then Lake Formation is compared with what the
 * subscriptions need: orphans (held, not needed), missing (needed, not held) and stuck (still GRANTING,
 * MODIFYING or REVOKING after the sweep) are counted. Everything is then revoked (faults off) and must
 * leave no grant.
 */
export async function run(): Promise<BenchSection[]> {
  const report: InterleavingReport = { schedules: 0, operations: 0, refused: 0 };
  const totals: Totals = { orphans: 0, missing: 0, stuck: 0, stuckBeforeSweep: 0, leftAfterCleanUp: 0, failedSubscriptions: 0, faultsFired: 0 };
  const started = performance.now();
  const samples = fc.sample(scheduleArbitrary, { numRuns: SCHEDULES, seed: 20261202 });
  for (let first = 0; first < samples.length; first += SCHEDULES_PER_WORLD) {
    await runInFreshWorld(samples.slice(first, first + SCHEDULES_PER_WORLD), first, report, totals);
  }
  const seconds = (performance.now() - started) / 1000;
  const body = [
    `${String(report.schedules)} random schedules (seed 20261202; 2–3 overlapping subscriptions of one consumer account, 2–4 rounds of 1–4 concurrent approve, modify, revoke, retry or cancel each; a fresh sandbox every ${String(SCHEDULES_PER_WORLD)}) against the sandbox emulator and dynalite in one Node.js process on the 2-core machine, ${seconds.toFixed(0)} s. Faults on, by seeded rate: Lake Formation grant throttling 15 %, grant and revoke ConcurrentModification 10 % each, per-entry AccessDenied on grants 5 % and InternalService on revokes 5 %, RAM 3 %, Glue 2 % (${String(totals.faultsFired)} fired). After each schedule the sweep resumes what was left in flight (faults still on), then Lake Formation is compared with what the subscriptions need.`,
    '',
    '| measure | count |',
    '|---|---|',
    `| operations run | ${String(report.operations)} |`,
    `| refused (the state had moved on, or a fault stopped them) | ${String(report.refused)} |`,
    `| subscriptions ending FAILED (retryable, what they got counted as needed) | ${String(totals.failedSubscriptions)} |`,
    `| left in flight before the sweep | ${String(totals.stuckBeforeSweep)} |`,
    `| **orphans** (granted, needed by no subscription) | **${String(totals.orphans)}** |`,
    `| **missing** (needed, not granted) | **${String(totals.missing)}** |`,
    `| **stuck** (GRANTING, MODIFYING or REVOKING after the sweep) | **${String(totals.stuck)}** |`,
    `| grants left after revoking everything | ${String(totals.leftAfterCleanUp)} |`,
  ].join('\n');
  return [{ title: 'Chaos: interleavings under faults', body }];
}
