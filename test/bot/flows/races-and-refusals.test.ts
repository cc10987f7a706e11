import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/bot/interaction-ids';
import { DENY_BLOCKS } from '../../../src/bot/views/deny-modal';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import { blockActionsRequest, slashCommandRequest } from '../../../src/sandbox/slack/slack-payloads';
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

describe('buttons answer only once the mesh allows the clicker', () => {
  const DANA = 'U0DANA';

  /** What `userId` was shown under the messages they clicked, as text. */
  const ephemeralText = (userId: string): string => world.slack.ephemerals(userId).map((e) => shown(e)).join('\n');

  it('[Retry]: a stranger is told why and nothing is queued; a retry of what is ACTIVE already is refused; neither says "Retrying"', async () => {
    world.slack.addUser({ id: DANA, name: 'dana', realName: 'Dana' });
    // A table nobody holds yet, so the refused grant leaves something to retry.
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.tables]: ['usecase2_customer_churn'], [REQUEST_BLOCKS.reason]: 'Retry rights' });
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    world.emulator.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'AccessDeniedException', perEntry: true });
    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id });
    const failed = await settled(world, request.id, ['ACTIVE', 'FAILED']);
    world.emulator.controls.faults.clear();
    expect(failed.status).toBe('FAILED');
    const retry = { kind: 'block_actions' as const, actionId: ACTIONS.retry, on: { channel: message.channel, ts: message.ts }, value: request.id };

    await world.post({ ...retry, user: DANA });
    await eventually(() => {
      expect(ephemeralText(DANA)).toContain('Not allowed');
    });
    await world.idle();
    expect(ephemeralText(DANA)).not.toContain('Retrying');
    expect(await current(world, request.id)).toMatchObject({ status: 'FAILED', version: failed.version });

    // The same button clicked again later, from a copy of the message as it was while FAILED.
    const staleRetry = blockActionsRequest(world.slack, { ...retry, user: PEOPLE.pat });
    await world.post({ ...retry, user: PEOPLE.pat });
    await settled(world, request.id, ['ACTIVE']);
    await world.idle();
    const retried = await current(world, request.id);
    const retryingSaid = (): number => world.slack.ephemerals(PEOPLE.pat).filter((e) => shown(e).includes(`Retrying \`${request.id}\``)).length;
    expect(retryingSaid()).toBe(1);

    // ACTIVE cannot be retried.
    await world.post({ kind: 'raw', request: staleRetry });
    await eventually(() => {
      expect(ephemeralText(PEOPLE.pat)).toContain('cannot retry a subscription that is ACTIVE');
    });
    await world.idle();
    expect(retryingSaid()).toBe(1);
    expect((await current(world, request.id)).version).toBe(retried.version);
  });

  it('"already decided" after a slash command names the time as a Slack date and says nothing of refreshing; after a click on a message it does', async () => {
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.reason]: 'Decided wording' });
    const mine = messageWith(world, PEOPLE.casey, request.id, ACTIONS.cancel);
    const patMessage = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    // Her [Cancel request] click, as her client had it before the approval.
    const staleCancel = blockActionsRequest(world.slack, { user: PEOPLE.casey, actionId: ACTIONS.cancel, on: { channel: mine.channel, ts: mine.ts }, value: request.id });
    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: patMessage.channel, ts: patMessage.ts }, value: request.id });
    await settled(world, request.id, ['ACTIVE']);
    await world.idle();

    const before = world.slack.responses().length;
    const command = slashCommandRequest(world.slack, { user: PEOPLE.casey, text: `cancel ${request.id}` });
    await world.post({ kind: 'raw', request: command });
    const answer = await eventually(() => {
      const found = world.slack.responses().slice(before).find((r) => r.user === PEOPLE.casey && shown({ text: r.text ?? '', blocks: r.blocks }).includes('Already decided'));
      expect(found).toBeDefined();
      return shown({ text: found?.text ?? '', blocks: found?.blocks });
    });
    expect(answer).toContain('Already decided by <@U0PRODUCER> <!date^');
    expect(answer).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(answer).not.toContain('refresh');

    await world.post({ kind: 'raw', request: staleCancel });
    await eventually(() => {
      const clicked = ephemeralsAbout(PEOPLE.casey, request.id).join('\n');
      expect(clicked).toContain('Already decided by <@U0PRODUCER> <!date^');
      expect(clicked).toContain('refresh Slack');
    });
    expect((await current(world, request.id)).status).toBe('ACTIVE');
  });
});
