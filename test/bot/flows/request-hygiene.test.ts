import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandRequest } from '../../../src/sandbox/slack/slack-payloads';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { as, eventually, PEOPLE, PRODUCT_ID, shown } from './flow-support';

// Requests as an attacker would send them again: a captured, validly signed request replayed within
// the signature window must not make a second request; free text cannot smuggle control characters.

let world: BotWorld;
beforeAll(async () => {
  world = await startBotWorld();
});
afterAll(async () => {
  await world.close();
});

async function pendingOfCasey(): Promise<string[]> {
  const page = await world.deps.mesh.listSubscriptions(as(PEOPLE.casey), { kind: 'mine', limit: 50 });
  return page.items.filter((s) => s.status === 'PENDING').map((s) => s.id);
}

describe('a replayed slash command', () => {
  it('records one request: the replay is told it is already recorded, and the owners are not told twice', async () => {
    const request = slashCommandRequest(world.slack, { user: PEOPLE.casey, text: `request ${PRODUCT_ID} usecase1_cell_kpis select Churn model` });
    const timestampSeconds = Math.floor(Date.now() / 1000);
    const before = await pendingOfCasey();

    const first = await world.post({ kind: 'raw', request, timestampSeconds });
    await world.idle();
    const afterFirst = await pendingOfCasey();
    const ownerDms = world.slack.messages(PEOPLE.pat).length;
    const replay = await world.post({ kind: 'raw', request, timestampSeconds });
    await world.idle();

    expect([first.status, replay.status]).toEqual([200, 200]);
    const recorded = afterFirst.filter((id) => !before.includes(id));
    expect(recorded).toHaveLength(1);
    expect(await pendingOfCasey()).toEqual(afterFirst);
    expect(world.slack.messages(PEOPLE.pat)).toHaveLength(ownerDms);
    const answer = await eventually(() => {
      const said = world.slack.responses().find((r) => shown({ text: r.text ?? '', blocks: r.blocks }).includes('already recorded'));
      expect(said).toBeDefined();
      return said;
    });
    expect(shown({ text: answer?.text ?? '', blocks: answer?.blocks })).toContain(recorded[0]);
  });

  it('still lets the same person send the same command again later, as a new request', async () => {
    const text = `request ${PRODUCT_ID} usecase2_customer_churn select Second look`;
    const before = await pendingOfCasey();

    await world.post({ kind: 'command', user: PEOPLE.casey, text, timestampSeconds: Math.floor(Date.now() / 1000) - 2 });
    await world.post({ kind: 'command', user: PEOPLE.casey, text, timestampSeconds: Math.floor(Date.now() / 1000) });
    await world.idle();

    expect((await pendingOfCasey()).filter((id) => !before.includes(id))).toHaveLength(2);
  });
});

describe('free text', () => {
  it('keeps a reason’s words but not its control characters or direction overrides', async () => {
    const { subscription } = await world.deps.mesh.requestAccess(as(PEOPLE.casey), {
      productId: PRODUCT_ID,
      permissions: ['SELECT'],
      justification: 'Churn\u0000 model\u0007 for\u202e Q4\r\n\tsecond line',
    });

    expect(subscription.justification).toBe('Churn model for Q4\n\tsecond line');
    expect((await world.deps.mesh.getSubscription(as(PEOPLE.casey), { id: subscription.id })).justification).toBe('Churn model for Q4\n\tsecond line');
  });

  it('refuses a reason that is nothing but control characters, like an empty one', async () => {
    await expect(world.deps.mesh.requestAccess(as(PEOPLE.casey), { productId: PRODUCT_ID, permissions: ['SELECT'], justification: '\u0000\u0001\u202e' })).rejects.toThrow('a reason is required');
  });
});
