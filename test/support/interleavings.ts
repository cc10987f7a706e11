import fc from 'fast-check';
import type { Subscription } from '../../src/mesh/domain/subscription';
import { MeshError } from '../../src/mesh/errors';
import { approveRequest } from '../../src/mesh/service/subscriptions/approve-request';
import { cancelRequest } from '../../src/mesh/service/subscriptions/cancel-request';
import { modifySubscription } from '../../src/mesh/service/subscriptions/modify-subscription';
import { requestAccess } from '../../src/mesh/service/subscriptions/request-access';
import { resumeInterrupted } from '../../src/mesh/service/subscriptions/resume-interrupted';
import { retrySubscription } from '../../src/mesh/service/subscriptions/retry-subscription';
import { revokeSubscription } from '../../src/mesh/service/subscriptions/revoke-subscription';
import { runGrant } from '../../src/mesh/service/subscriptions/run-grant';
import type { ClientPool } from '../sandbox/aws/cross-account/service-clients';
import { CONSUMER, expectedFrom, grantedTo, MESH, MESH_DB, TELCO_TABLES } from '../mesh/service/subscriptions/published-product';
import { SANDBOX_ROLE_ARNS } from '../../src/sandbox/seed/sandbox-accounts';
import { grantsByResource } from './grants-to';
import { USERS, type MeshWorld } from './mesh-world';

// Random interleavings of approve, modify, revoke, retry and cancel on overlapping subscriptions of
// one consumer account, as they happen in every run mode: the status writes of concurrent operations
// race freely (two Slack clicks, an ack path beside a worker), while the Lake Formation work for one
// consumer account is ordered, by the in-process lock locally and by the SQS FIFO group (`jobGroup`)
// across workers. Shared by the property test (CI) and the chaos benchmark (faults injected).

const OPS = ['approve', 'modify', 'revoke', 'retry', 'cancel'] as const;

/** One operation of a schedule: what, on which subscription, after how many ms. */
export interface ScheduledOp {
  kind: (typeof OPS)[number];
  sub: number;
  delay: number;
  insert: boolean;
}

/** Subscriptions to create (their tables), then rounds of operations: rounds in turn, a round's operations at once. */
export interface Schedule {
  tables: string[][];
  rounds: ScheduledOp[][];
}

const op = (subs: number): fc.Arbitrary<ScheduledOp> => fc.record({ kind: fc.constantFrom(...OPS), sub: fc.nat({ max: subs - 1 }), delay: fc.nat({ max: 6 }), insert: fc.boolean() });

/** 2–3 subscriptions over 1–3 of the product's tables (so they overlap), then 2–4 rounds of 1–4 operations. */
export const scheduleArbitrary: fc.Arbitrary<Schedule> = fc.integer({ min: 2, max: 3 }).chain((subs) =>
  fc.record({
    tables: fc.array(fc.subarray(TELCO_TABLES, { minLength: 1, maxLength: 3 }), { minLength: subs, maxLength: subs }),
    rounds: fc.array(fc.array(op(subs), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 }),
  }),
);

/** Counts of a run, for its report. */
export interface InterleavingReport {
  schedules: number;
  operations: number;
  /** Operations refused because the state had moved on (or a fault stopped them): the mesh's typed refusals. */
  refused: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Run one operation as the product's owners (the requester for cancel); the mesh's refusals are counted, anything else thrown. */
async function runOp(world: MeshWorld, id: string, o: ScheduledOp, report: InterleavingReport): Promise<void> {
  await sleep(o.delay);
  const { deps } = world;
  try {
    switch (o.kind) {
      case 'approve':
        await approveRequest(deps, world.ctx(USERS.pat), { id });
        await runGrant(deps, world.ctx(USERS.pat), { id });
        return;
      case 'modify':
        await modifySubscription(deps, world.ctx(USERS.sam), { id, permissions: o.insert ? ['SELECT', 'INSERT'] : ['SELECT'], reason: 'interleaved modify' });
        return;
      case 'revoke':
        await revokeSubscription(deps, world.ctx(USERS.pat), { id, reason: 'interleaving' });
        return;
      case 'retry':
        await retrySubscription(deps, world.ctx(USERS.pat), { id });
        return;
      case 'cancel':
        await cancelRequest(deps, world.ctx(USERS.casey), { id });
        return;
    }
  } catch (error) {
    if (!(error instanceof MeshError)) throw error;
    report.refused += 1;
  }
}

/** Create the schedule's subscriptions (SELECT, requested by Casey) and run its rounds; returns their ids. */
export async function runSchedule(world: MeshWorld, schedule: Schedule, report: InterleavingReport): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, tables] of schedule.tables.entries()) {
    ids.push((await requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, tables, permissions: ['SELECT'], justification: `schedule ${String(i)}` })).subscription.id);
  }
  for (const round of schedule.rounds) {
    await Promise.all(round.map((o) => runOp(world, ids[o.sub]!, o, report)));
    report.operations += round.length;
  }
  report.schedules += 1;
  return ids;
}

/** The subscriptions as stored now. */
export function currentOf(world: MeshWorld, ids: readonly string[]): Promise<Subscription[]> {
  return Promise.all(ids.map(async (id) => (await world.deps.stores.subscriptions.get(id))!));
}

/** Those a job is still working on (or left half-way). */
export function inFlight(subscriptions: readonly Subscription[]): Subscription[] {
  return subscriptions.filter((s) => s.status === 'GRANTING' || s.status === 'MODIFYING' || s.status === 'REVOKING');
}

/** What Lake Formation must hold for these subscriptions: the plan of ACTIVE ones, what FAILED ones got. */
export function needed(subscriptions: readonly Subscription[]): Record<string, string[]> {
  return expectedFrom(subscriptions.map((s) => (s.status === 'ACTIVE' ? s.plan : s.status === 'FAILED' ? s.plan.filter((e) => s.results[e.Id]?.outcome === 'DONE') : [])));
}

const pairs = (map: Record<string, string[]>): Set<string> => new Set(Object.entries(map).flatMap(([resource, permissions]) => permissions.map((p) => `${resource} ${p}`)));

/** Grants Lake Formation holds beyond what is needed (orphans) and needed ones it lacks (missing), as `resource permission` lines. */
export async function grantDifference(pool: ClientPool, subscriptions: readonly Subscription[]): Promise<{ orphans: string[]; missing: string[] }> {
  const held = await grantedTo(pool, CONSUMER);
  const want = needed(subscriptions);
  const [heldPairs, wantPairs] = [pairs(held), pairs(want)];
  return { orphans: [...heldPairs].filter((p) => !wantPairs.has(p)), missing: [...wantPairs].filter((p) => !heldPairs.has(p)) };
}

/** The consumer's query role, which the account names when the interleavings run with query roles. */
export const QUERY_ROLE = SANDBOX_ROLE_ARNS.queryRole;

/**
 * The same for the query role's grants (on the mesh's tables and the consumer's links): none beyond
 * what an ACTIVE or FAILED subscription's query plan names, and every one an ACTIVE subscription's
 * names (a FAILED one may stop half-way, so its grants may or may not be there).
 */
export async function queryGrantDifference(pool: ClientPool, subscriptions: readonly Subscription[]): Promise<{ orphans: string[]; missing: string[] }> {
  const held = pairs({ ...(await grantsByResource(pool.as('mesh').lf, QUERY_ROLE, MESH)), ...(await grantsByResource(pool.as('consumer').lf, QUERY_ROLE, CONSUMER)) });
  const plans = (statuses: readonly string[]) => expectedFrom(subscriptions.filter((s) => statuses.includes(s.status)).map((s) => s.queryPlan ?? []));
  const [may, must] = [pairs(plans(['ACTIVE', 'FAILED'])), pairs(plans(['ACTIVE']))];
  return { orphans: [...held].filter((p) => !may.has(p)), missing: [...must].filter((p) => !held.has(p)) };
}

/** What the scheduled sweep does: finish whatever is left in flight (as a later sweep would). */
export function sweepInterrupted(world: MeshWorld, requestId: string): Promise<unknown> {
  return resumeInterrupted(world.deps, { updatedBeforeMs: Date.now() + 1, requestId });
}

/** Revoke or cancel every subscription of the schedule, so the next one starts from no grants. */
export async function cleanUp(world: MeshWorld, subscriptions: readonly Subscription[]): Promise<void> {
  for (const s of subscriptions) {
    if (s.status === 'ACTIVE' || s.status === 'FAILED') await revokeSubscription(world.deps, world.ctx(USERS.pat), { id: s.id, reason: 'clean up' });
    else if (s.status === 'PENDING') await cancelRequest(world.deps, world.ctx(USERS.casey), { id: s.id });
  }
}
