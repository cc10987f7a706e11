import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeListCursor, encodeListCursor } from '../../../src/bot/listeners/commands/list-cursor';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import type { SlackEphemeral } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { actionIdsOf, as, command, eventually, lastEphemeral, textOf } from './command-flow';

let world: BotWorld;
const CHANNEL = 'C0PRODUCTS';
const EXTRA = 16;
const extraIds = Array.from({ length: EXTRA }, (_, i) => `towers${String(i).padStart(2, '0')}-111111111111`);

/** The [Next page] button values in blocks. */
function nextPageValues(blocks: unknown): string[] {
  const values: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.action_id === ACTIONS.nextPage && typeof record.value === 'string') values.push(record.value);
      Object.values(record).forEach(walk);
    }
  };
  walk(blocks);
  return values;
}

/** Click [Next page] on the ephemeral list a user sees, and wait for the page to replace it. */
async function nextPage(user: string, list: SlackEphemeral): Promise<SlackEphemeral> {
  await world.post({ kind: 'block_actions', user, actionId: ACTIONS.nextPage, on: { channel: CHANNEL, ts: list.ts, ephemeral: true } });
  return eventually(() => world.slack.ephemerals(user, CHANNEL).find((e) => e.ts === list.ts && e.replaced === true));
}

/** The product ids of a list's rows, as `code` spans. */
function productIdsIn(blocks: unknown): string[] {
  return [...textOf(blocks).matchAll(/`([a-z0-9_-]+-111111111111)`/g)].map((m) => m[1] ?? '');
}

beforeAll(async () => {
  world = await startBotWorld();
  // 16 more products (17 with the seeded one): more than one page of 15.
  for (const meshDatabase of extraIds) {
    await world.deps.mesh.publishProduct(as('U0PRODUCER'), { producerAccountId: '111111111111', sourceDatabase: 'telco', tablePattern: 'cell_towers', meshDatabase });
  }
}, 120_000);
afterAll(async () => {
  await world.close();
});

describe('[Next page]', () => {
  it('pages through more than 15 products, each shown once, the last page without the button', async () => {
    await command(world, 'U0CONSUMER', 'products');
    const first = lastEphemeral(world, 'U0CONSUMER', CHANNEL);
    if (first === undefined) throw new Error('no list shown');
    const [cursor] = nextPageValues(first.blocks);

    expect(productIdsIn(first.blocks)).toHaveLength(15);
    expect(cursor?.length).toBeLessThanOrEqual(2000);
    const second = await nextPage('U0CONSUMER', first);
    expect(productIdsIn(second.blocks)).toHaveLength(2);
    expect(actionIdsOf(second.blocks)).not.toContain(ACTIONS.nextPage);
    expect(new Set([...productIdsIn(first.blocks), ...productIdsIn(second.blocks)])).toEqual(new Set([...extraIds, 'telco-111111111111']));
  });

  it('keeps the search across pages', async () => {
    await command(world, 'U0CONSUMER', 'products towers');
    const first = lastEphemeral(world, 'U0CONSUMER', CHANNEL);
    if (first === undefined) throw new Error('no list shown');

    expect(decodeListCursor(nextPageValues(first.blocks)[0] ?? '')).toMatchObject({ l: 'products', q: 'towers' });
    const second = await nextPage('U0CONSUMER', first);
    expect(textOf(second.blocks)).toContain('Products matching “towers”');
    expect(productIdsIn(second.blocks)).toHaveLength(1);
    expect(new Set([...productIdsIn(first.blocks), ...productIdsIn(second.blocks)])).toEqual(new Set(extraIds));
  });

  it('pages a producer’s pending requests, and the requester’s own', async () => {
    for (const productId of extraIds) {
      await world.deps.mesh.requestAccess(as('U0CONSUMER'), { productId, permissions: ['SELECT'], justification: 'Tower maps' });
    }
    await command(world, 'U0PRODUCER', 'pending');
    const pending = lastEphemeral(world, 'U0PRODUCER', CHANNEL);
    await command(world, 'U0CONSUMER', 'subscriptions mine');
    const mine = lastEphemeral(world, 'U0CONSUMER', CHANNEL);
    if (pending === undefined || mine === undefined) throw new Error('no list shown');

    const pendingRest = await nextPage('U0PRODUCER', pending);
    const mineRest = await nextPage('U0CONSUMER', mine);
    expect(textOf(pendingRest.blocks)).toContain('Waiting for your decision');
    expect(actionIdsOf(pendingRest.blocks)).not.toContain(ACTIONS.nextPage);
    expect(textOf(mineRest.blocks)).toContain('My subscriptions');
    const rows = (list: SlackEphemeral): number => (list.blocks ?? []).filter((b) => textOf(b).includes('Tower maps') || textOf(b).includes('<@U0CONSUMER>')).length;
    expect(rows(pending) + rows(pendingRest)).toBe(EXTRA);
    expect(rows(mine) + rows(mineRest)).toBe(EXTRA);
  });
});

describe('the cursor of a [Next page] button', () => {
  it('names its list and round-trips; anything else is refused', () => {
    const cursor = { l: 'status', s: 'ACTIVE', c: 'eyJpZCI6IngifQ' } as const;

    expect(decodeListCursor(encodeListCursor(cursor) ?? '')).toEqual(cursor);
    expect(decodeListCursor('not json')).toBeUndefined();
    expect(decodeListCursor('{"l":"status","s":"NOPE","c":"x"}')).toBeUndefined();
    expect(encodeListCursor({ l: 'products', q: 'x', c: 'y'.repeat(2000) })).toBeUndefined();
  });
});
