import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import type { SlackCallRecord } from '../../../src/sandbox/slack/slack-call-log';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { messageWith, PEOPLE, postProductCard, requestThroughModal, settled } from './flow-support';

/**
 * Slack rate-limits chat.update and views.publish per workspace: a decision shows each change on each
 * copy of the request once, tells the requester once, and publishes each App Home concerned once.
 */

let world: BotWorld;
let card: SlackMessage;

beforeAll(async () => {
  world = await startBotWorld();
  card = await postProductCard(world);
});
afterAll(async () => {
  await world.close();
});

const ASK = { [REQUEST_BLOCKS.tables]: ['usecase1_cell_kpis'], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Capacity planning' };

/** How many times each (method, target) was called: `chat.update D0PRODUCER/1.2` → 2. */
function perTarget(calls: readonly SlackCallRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    const target = call.method === 'views.publish' ? String(call.args.user_id) : call.method === 'chat.update' ? `${String(call.args.channel)}/${String(call.args.ts)}` : JSON.stringify(call.args.channel ?? call.args.users ?? '');
    const key = `${call.method} ${target}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('one approval', () => {
  it('updates each copy of the request once per status (Granting, then Active), DMs the requester once and publishes each Home once', async () => {
    const request = await requestThroughModal(world, card, ASK);
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    await world.idle();
    const refs = await world.deps.notices.list(request.id);
    world.slack.clear();

    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id });
    await settled(world, request.id, ['ACTIVE']);
    await world.idle();

    const calls = world.slack.calls();
    expect(refs.length).toBeGreaterThanOrEqual(3); // both owners' DMs and the requester's own copy
    const updates = calls.filter((c) => c.method === 'chat.update');
    for (const ref of refs) {
      const ofCopy = updates.filter((c) => c.args.channel === ref.channel && c.args.ts === ref.ts).map((c) => JSON.stringify(c.args.blocks));
      expect(ofCopy).toHaveLength(2);
      expect(ofCopy[0]).toMatch(/Granting/i);
      expect(ofCopy[1]).not.toMatch(/Granting/i);
    }
    const counts = perTarget(calls);
    expect(Object.entries(counts).filter(([key, n]) => key.startsWith('views.publish') && n !== 1)).toEqual([]);
    expect(Object.keys(counts).filter((key) => key.startsWith('views.publish')).sort()).toEqual([PEOPLE.casey, PEOPLE.pat, PEOPLE.sam].map((user) => `views.publish ${user}`).sort());
    expect(calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.args.channel)).toHaveLength(1);
  });
});

describe('one cancel', () => {
  it('updates each copy once and publishes each Home once, the Homes off the command’s path', async () => {
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.reason]: 'Asked by mistake' });
    await world.idle();
    const refs = await world.deps.notices.list(request.id);
    world.slack.clear();

    await world.post({ kind: 'command', user: PEOPLE.casey, text: `cancel ${request.id}` });
    await settled(world, request.id, ['CANCELLED']);
    await world.idle();

    const counts = perTarget(world.slack.calls());
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(counts[`chat.update ${ref.channel}/${ref.ts}`]).toBe(1);
    expect(Object.fromEntries(Object.entries(counts).filter(([key]) => key.startsWith('views.publish')))).toEqual(
      Object.fromEntries([PEOPLE.casey, PEOPLE.pat, PEOPLE.sam].map((user) => [`views.publish ${user}`, 1])),
    );
  });
});
