import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { DENY_BLOCKS } from '../../../src/bot/views/deny-modal';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import { blockActionsRequest } from '../../../src/sandbox/slack/slack-payloads';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { answersFor, as, clickForModal, current, dmsAbout, eventually, messageWith, PEOPLE, postProductCard, requestThroughModal, settled, shown } from './flow-support';

/**
 * What must never happen twice or to the wrong person: double clicks, two owners deciding at once,
 * deciding one's own request, clicks from another workspace, decisions after a cancel.
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

const ASK = { [REQUEST_BLOCKS.tables]: ['usecase1_cell_kpis'], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Cell outage analysis' };

/** Ephemeral messages shown to a user that mention a subscription. */
function ephemeralsAbout(userId: string, subscriptionId: string): string[] {
  return world.slack
    .ephemerals(userId)
    .map((e) => shown(e))
    .filter((text) => text.includes(subscriptionId));
}

describe('races', () => {
  it('a double click approves once and grants once; the second click is told who decided', async () => {
    const request = await requestThroughModal(world, card, ASK);
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    const click = { kind: 'block_actions' as const, user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id };

    const answers = await Promise.all([world.post(click), world.post(click)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await eventually(() => {
      expect(ephemeralsAbout(PEOPLE.pat, request.id).join('\n')).toContain('Already decided by <@U0PRODUCER>');
    });
    const done = await settled(world, request.id, ['ACTIVE', 'FAILED']);

    expect(done.status).toBe('ACTIVE');
    expect(done.history.map((h) => h.event)).toEqual(['request', 'approve', 'grant-succeeded']);
    // Her "request sent" message, updated in place, and one new DM with the names: granted once, told once.
    expect(dmsAbout(world, PEOPLE.casey, request.id).map((m) => m.text.includes('Active'))).toEqual([true, true]);
    expect(world.slack.calls({ method: 'chat.postMessage' }).filter((c) => JSON.stringify(c.args).includes(request.id) && c.args.channel === 'D0CONSUMER')).toHaveLength(2);
  });

  it('an approve (Pat) and a deny (Sam) sent at once: exactly one wins, the other is told who decided', async () => {
    const request = await requestThroughModal(world, card, ASK);
    const patMessage = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    const samMessage = messageWith(world, PEOPLE.sam, request.id, ACTIONS.deny);
    const modal = await clickForModal(world, PEOPLE.sam, ACTIONS.deny, { channel: samMessage.channel, ts: samMessage.ts }, VIEWS.deny, request.id);

    const [, denyAck] = await Promise.all([
      world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: patMessage.channel, ts: patMessage.ts }, value: request.id }),
      world.post({ kind: 'view_submission', viewId: modal.id, values: answersFor(modal, { [DENY_BLOCKS.reason]: 'Not for this use' }) }),
    ]);
    const done = await settled(world, request.id, ['ACTIVE', 'FAILED', 'DENIED']);

    const decisions = done.history.filter((h) => h.event === 'approve' || h.event === 'deny');
    expect(decisions).toHaveLength(1);
    if (done.status === 'DENIED') {
      await eventually(() => {
        expect(ephemeralsAbout(PEOPLE.pat, request.id).join('\n')).toContain('Already decided by <@U0OWNER2>');
      });
    } else {
      // Sam's modal turned into who decided, in place of the form.
      expect(denyAck.json).toMatchObject({ response_action: 'update' });
      expect(shown({ text: '', blocks: world.slack.views(PEOPLE.sam)[0]?.view.blocks })).toContain('Already decided by <@U0PRODUCER>');
    }
  });
});

describe('refusals', () => {
  it('nobody approves their own request: Pat, mapped as a consumer, asks; his click is refused and nothing changes', async () => {
    await world.deps.mesh.mapUser(as(PEOPLE.ada), { user: as(PEOPLE.pat).user, accountId: '999999999999', kind: 'consumer' });
    try {
      const request = await requestThroughModal(world, card, ASK, PEOPLE.pat);
      // He owns the product but asked: only Sam is asked to decide.
      expect(dmsAbout(world, PEOPLE.pat, request.id).some((m) => shown(m).includes(`"action_id":"${ACTIONS.approve}"`))).toBe(false);
      const samMessage = messageWith(world, PEOPLE.sam, request.id, ACTIONS.approve);

      await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: samMessage.channel, ts: samMessage.ts }, value: request.id });
      await eventually(() => {
        expect(world.slack.ephemerals(PEOPLE.pat).map((e) => shown(e)).join('\n')).toContain('you cannot decide on your own request');
      });
      await world.jobs.idle();
      expect(await current(world, request.id)).toMatchObject({ status: 'PENDING', version: 1 });
      expect(shown(world.slack.message(PEOPLE.sam, samMessage.ts))).toContain(`"action_id":"${ACTIONS.approve}"`);
    } finally {
      await world.deps.mesh.unmapUser(as(PEOPLE.ada), { user: as(PEOPLE.pat).user, accountId: '999999999999' });
    }
  });

  it('a click from another workspace (same user id, team T0OTHER) is another person: refused, nothing changes', async () => {
    const request = await requestThroughModal(world, card, ASK);
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    const genuine = blockActionsRequest(world.slack, { user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id });
    const payload = { ...genuine.payload, user: { ...genuine.payload.user, team_id: 'T0OTHER' }, team: { id: 'T0OTHER', domain: 'other' } };

    const answer = await world.post({ kind: 'raw', request: { contentType: genuine.contentType, body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), payload } });
    expect(answer.status).toBe(200);
    await eventually(() => {
      expect(world.slack.ephemerals(PEOPLE.pat).map((e) => shown(e)).join('\n')).toContain('you are not an owner of product telco-111111111111');
    });
    await world.jobs.idle();
    expect(await current(world, request.id)).toMatchObject({ status: 'PENDING', version: 1 });
  });

  it('[Cancel request] by the requester: CANCELLED everywhere; an approve afterwards is told it was already decided', async () => {
    const request = await requestThroughModal(world, card, ASK);
    const mine = messageWith(world, PEOPLE.casey, request.id, ACTIONS.cancel);
    const patMessage = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);

    // Pat's click, as his client had it before the cancel (sent once the message is already updated).
    const stale = blockActionsRequest(world.slack, { user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: patMessage.channel, ts: patMessage.ts }, value: request.id });

    await world.post({ kind: 'block_actions', user: PEOPLE.casey, actionId: ACTIONS.cancel, on: { channel: mine.channel, ts: mine.ts }, value: request.id });
    await settled(world, request.id, ['CANCELLED']);
    await eventually(() => {
      expect(shown(world.slack.message(PEOPLE.pat, patMessage.ts))).toContain('Cancelled');
      expect(shown(world.slack.message(PEOPLE.pat, patMessage.ts))).not.toContain(`"action_id":"${ACTIONS.approve}"`);
      expect(shown(world.slack.message(PEOPLE.casey, mine.ts))).not.toContain(`"action_id":"${ACTIONS.cancel}"`);
    });

    await world.post({ kind: 'raw', request: stale });
    await eventually(() => {
      expect(ephemeralsAbout(PEOPLE.pat, request.id).join('\n')).toContain('Already decided by <@U0CONSUMER>');
    });
    await world.jobs.idle();
    expect(await current(world, request.id)).toMatchObject({ status: 'CANCELLED' });
  });
});
