import { GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { requestAccess } from '../../../../src/mesh/service/subscriptions/request-access';
import { resumeInterrupted } from '../../../../src/mesh/service/subscriptions/resume-interrupted';
import { runGrant } from '../../../../src/mesh/service/subscriptions/run-grant';
import type { ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { MESH_DB, publishProduct } from './published-product';

/**
 * RAM associates a shared resource asynchronously and only then invites the consumer account: the
 * import waits (bounded), never takes a missing invitation for an Organization share, and leaves the
 * subscription GRANTING for the sweep when RAM is slower than that — FAILED after `shareWaitHours`.
 * The mesh runs on the emulator's clock, and its waits advance it, so hours pass in milliseconds.
 */
let world: MeshWorld;
let pool: ClientPool;
const waits: number[] = [];

beforeAll(async () => {
  let advance = (_ms: number): void => {};
  world = await startMeshWorld({
    ramAssociationDelayMs: 5_000,
    executor: {
      policy: { maxAttempts: 30, baseDelayMs: 1, maxDelayMs: 8 },
      sleep: (ms) => {
        advance(ms);
        return Promise.resolve();
      },
      random: () => 1,
    },
  });
  advance = (ms) => {
    waits.push(ms);
    world.emu.controls.clock.advance(ms / 1000);
  };
  world.deps.clock = () => world.emu.controls.clock.now();
  ({ pool } = await publishProduct(world));
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

/** A request for one table, approved; each case asks for a table not shared yet. */
async function approved(table: string, justification: string): Promise<string> {
  const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, tables: [table], permissions: ['SELECT'], justification });
  await approveRequest(world.deps, world.ctx(USERS.pat), { id: subscription.id });
  return subscription.id;
}

const invitations = async () => (await pool.as('consumer').ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations ?? [];

describe('a grant whose RAM share takes a few seconds', () => {
  it('waits for the association and the invitation, accepts it, and ends ACTIVE', async () => {
    const id = await approved('usecase1_cell_kpis', 'waits a few seconds');
    world.emu.controls.calls.clear();
    waits.length = 0;

    const subscription = (await runGrant(world.deps, world.ctx(USERS.pat), { id })).subscription;

    expect(subscription.status).toBe('ACTIVE');
    expect(subscription.history.map((h) => h.event)).not.toContain('share-pending');
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5_000);
    expect(world.emu.controls.calls.list().filter((c) => c.operation === 'ListResources').length).toBeGreaterThan(1);
    expect((await invitations()).map((i) => i.status)).toEqual(['ACCEPTED']);
  });
});

describe('a grant whose RAM share takes longer than one job looks', () => {
  it('stays GRANTING with a note, not ACTIVE, and the sweep finishes it once the share is there', async () => {
    world.emu.controls.ramAssociationDelay.set(3_600_000);
    const id = await approved('usecase2_customer_churn', 'waits an hour');

    const waiting = (await runGrant(world.deps, world.ctx(USERS.pat), { id })).subscription;

    expect(waiting.status).toBe('GRANTING');
    expect(waiting.history.at(-1)?.event).toBe('share-pending');
    expect(waiting.history.at(-1)?.note).toMatch(/^the RAM share of the grant has not reached account 999999999999 yet \(RAM does not list 1 of 2 granted resources/);
    expect(waiting.links).toEqual([]);

    world.emu.controls.clock.advance(3_600);
    const [resumed] = await resumeInterrupted(world.deps, { requestId: 'sweep-1' });
    expect(resumed?.subscription).toMatchObject({ id, status: 'ACTIVE' });
  });

  it('fails after shareWaitHours, with a reason, for a retry to send the grant again', async () => {
    world.emu.controls.ramAssociationDelay.set(13 * 3_600_000);
    const id = await approved('usecase3_sites', 'never arrives in time');
    expect(((await runGrant(world.deps, world.ctx(USERS.pat), { id })).subscription).status).toBe('GRANTING');

    for (let hour = 0; hour < 12; hour++) {
      world.emu.controls.clock.advance(3_600);
      const [resumed] = await resumeInterrupted(world.deps, { requestId: `sweep-h${hour}` });
      if (resumed?.subscription.status !== 'GRANTING') break;
    }

    const failed = await world.deps.stores.subscriptions.get(id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.history.at(-1)?.note).toMatch(/has not reached account 999999999999 yet .*, 12 hours after the grant; retry sends the grant again$/);
    expect(Object.values(failed?.results ?? {}).every((r) => r.outcome === 'FAILED')).toBe(true);
  });
});
