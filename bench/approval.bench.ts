import { performance } from 'node:perf_hooks';
import { approveRequest } from '../src/mesh/service/subscriptions/approve-request';
import { requestAccess } from '../src/mesh/service/subscriptions/request-access';
import { revokeSubscription } from '../src/mesh/service/subscriptions/revoke-subscription';
import { runGrant } from '../src/mesh/service/subscriptions/run-grant';
import { startMeshWorld, USERS, type MeshWorld } from '../test/support/mesh-world';
import { CONSUMER, MESH, MESH_DB, publishProduct } from '../test/mesh/service/subscriptions/published-product';
import { quantile } from './measure';
import type { BenchSection } from './results-file';

const RUNS = 9;

/** Approve a fresh SELECT request for the whole product and run the grant job; returns the plan size and the calls it made. */
async function approveOnce(world: MeshWorld): Promise<{ entries: number; ms: number; meshLf: number; consumerLf: number; id: string }> {
  const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, permissions: ['SELECT'], justification: 'benchmark' });
  world.emu.controls.calls.clear();
  const t0 = performance.now();
  const { subscription: approved } = await approveRequest(world.deps, world.ctx(USERS.pat), { id: subscription.id });
  const { subscription: active } = await runGrant(world.deps, world.ctx(USERS.pat), { id: subscription.id });
  const ms = performance.now() - t0;
  if (active.status !== 'ACTIVE') throw new Error(`benchmark approval ended ${active.status}: ${active.history.at(-1)?.note ?? ''}`);
  const count = (accountId: string) => world.emu.controls.calls.list({ service: 'lakeformation', accountId }).length;
  return { entries: approved.plan.length, ms, meshLf: count(MESH), consumerLf: count(CONSUMER), id: subscription.id };
}

/** A mesh world with a published product of `tables` tables. */
async function worldWith(tables: number): Promise<{ world: MeshWorld; close: () => Promise<void> }> {
  const world = await startMeshWorld();
  const { pool } = await publishProduct(world, { tables: Array.from({ length: tables }, (_, i) => `t${String(i).padStart(3, '0')}`) });
  return {
    world,
    close: async () => {
      pool.destroy();
      await world.close();
    },
  };
}

/** Lake Formation calls per approval against the ⌈entries/20⌉ floor, and approval wall time for a 20-table product. */
export async function run(): Promise<BenchSection[]> {
  const rows: string[] = [];
  for (const tables of [1, 20, 100]) {
    const { world, close } = await worldWith(tables);
    try {
      const { entries, meshLf, consumerLf } = await approveOnce(world);
      const floor = Math.ceil(entries / 20);
      rows.push(`| ${tables} | ${entries} | ${floor} | **${meshLf}** | ${meshLf === floor ? 'yes' : 'no'} | ${consumerLf} |`);
    } finally {
      await close();
    }
  }

  const { world, close } = await worldWith(20);
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const { ms, id } = await approveOnce(world);
      // The first run warms up (JIT, sockets) and is not counted.
      if (i > 0) times.push(ms);
      // Revoke between runs, so each approval starts from nothing shared: new share, new invitation, new link.
      await revokeSubscription(world.deps, world.ctx(USERS.pat), { id, reason: 'benchmark reset' });
    }
  } finally {
    await close();
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);

  const body = [
    'A SELECT request for a whole product, approved and granted through `approveRequest` + `runGrant` (grants in the mesh account, then the consumer import: share accepted, database link, DESCRIBE on it), against the sandbox emulator and dynalite in one Node.js process on the 2-core machine, no faults.',
    '',
    '| tables | plan entries | floor ⌈entries/20⌉ | LF calls in the mesh account | at the floor | LF calls in the consumer account |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Approval wall time, 20-table product (approve + grant + import, ${RUNS} runs after one warm-up, revoked between runs): median **${median.toFixed(0)} ms**, min ${times[0]?.toFixed(0) ?? '?'} ms, max ${times.at(-1)?.toFixed(0) ?? '?'} ms (target ≤ 1,000 ms).`,
    '',
    'The consumer account\'s one Lake Formation call is the batched DESCRIBE on its resource link(s).',
  ].join('\n');
  return [{ title: 'Approval: Lake Formation calls and wall time', body }];
}
