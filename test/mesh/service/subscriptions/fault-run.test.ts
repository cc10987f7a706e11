import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnFilter } from '../../../../src/mesh/domain/subscription';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { requestAccess, type RequestAccessInput } from '../../../../src/mesh/service/subscriptions/request-access';
import { runGrant } from '../../../../src/mesh/service/subscriptions/run-grant';
import type { ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { grantsTo } from '../../../support/grants-to';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, expectedFrom, grantedTo, MESH, MESH_DB, publishProduct, TELCO_TABLES } from './published-product';

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

const COLUMNS: (ColumnFilter | undefined)[] = [undefined, { kind: 'include', names: ['id'] }, { kind: 'exclude', names: ['value'] }, { kind: 'include', names: ['id', 'value'] }];

/** 50 different requests of the one consumer: every non-empty subset of the 4 tables × 4 column filters, SELECT with or without INSERT. */
function requests(): RequestAccessInput[] {
  const all: RequestAccessInput[] = [];
  for (let mask = 1; mask < 16; mask++) {
    for (const [c, columns] of COLUMNS.entries()) {
      const tables = TELCO_TABLES.filter((_, i) => (mask >> i) & 1);
      all.push({ productId: MESH_DB, tables, permissions: (mask + c) % 3 === 0 ? ['SELECT', 'INSERT'] : ['SELECT'], justification: `analysis ${mask}/${c}`, ...(columns && { columns }) });
    }
  }
  return all.slice(0, 50);
}

describe('50 subscriptions approved and granted at once, under 30% throttling and 20% ConcurrentModification', () => {
  it('all end ACTIVE with exactly their planned grants, none doubled, none lost, every call naming its human', async () => {
    const pending = [];
    for (const input of requests()) pending.push((await requestAccess(world.deps, world.ctx(USERS.casey), input)).subscription);
    world.emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ThrottledException', rate: 0.3, seed: 1 });
    world.emu.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'ConcurrentModificationException', rate: 0.2, seed: 2 });
    world.emu.controls.calls.clear();

    const done = await Promise.all(
      pending.map(async (s, i) => {
        const approver = i % 2 === 0 ? USERS.pat : USERS.sam;
        await approveRequest(world.deps, world.ctx(approver), { id: s.id });
        return (await runGrant(world.deps, world.ctx(approver), { id: s.id })).subscription;
      }),
    );

    expect(done.filter((s) => s.status !== 'ACTIVE').map((s) => s.history.at(-1)?.note)).toEqual([]);
    expect(await grantedTo(pool, CONSUMER)).toEqual(expectedFrom(done.map((s) => s.plan)));
    const rows = (await grantsTo(pool.as('mesh').lf, CONSUMER, MESH)).length;
    expect(rows).toBe(Object.keys(expectedFrom(done.map((s) => s.plan))).length);
    expect(world.emu.controls.faults.list().every((f) => f.fired > 0)).toBe(true);

    const approverOf = new Map(done.map((s) => [s.id, s.decidedBy?.userId]));
    // The bot's calls (role sessions named meshbot-<request id>), not this test's reads as the mesh admin.
    const calls = world.emu.controls.calls.list().filter((c) => c.service !== 'sts' && c.sessionName?.startsWith('meshbot-'));
    expect(calls.length).toBeGreaterThan(100);
    for (const call of calls) {
      if (call.accountId === MESH) expect([USERS.pat.userId, USERS.sam.userId]).toContain(call.sourceIdentity);
      else expect(call).toMatchObject({ accountId: CONSUMER, roleName: 'MeshbotConsumer', sourceIdentity: USERS.casey.userId });
    }
    // Each grant session (one request id) acted for the subscription's approver only.
    const byIdentity = new Map<string, Set<string>>();
    for (const call of calls.filter((c) => c.accountId === MESH)) byIdentity.set(call.sessionName ?? '', (byIdentity.get(call.sessionName ?? '') ?? new Set()).add(call.sourceIdentity ?? ''));
    expect([...byIdentity.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(new Set(approverOf.values())).toEqual(new Set([USERS.pat.userId, USERS.sam.userId]));
  });
});
