import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderMarker } from '../../../src/bot/jobs/handlers/sweep-job';
import { SYSTEM_SOURCE_IDENTITY } from '../../../src/mesh/domain/system-actor';
import { ACTIONS, keyedActionId } from '../../../src/bot/interaction-ids';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { SANDBOX_BOT_TOKEN } from '../../../src/sandbox/slack/slack-world';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { as, current, dmsAbout, eventually, expectedFrom, grantedToConsumer, messageWith, PEOPLE, postProductCard, PRODUCTS_CHANNEL, requestThroughModal, settled, shown } from './flow-support';

/** A grant Lake Formation refuses and its retry, the App Home with working buttons, and the scheduled sweep. */

let world: BotWorld;
let card: SlackMessage;

beforeAll(async () => {
  world = await startBotWorld();
  card = await postProductCard(world);
});
afterAll(async () => {
  await world.close();
});

const ASK = { [REQUEST_BLOCKS.tables]: ['usecase2_customer_churn'], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Churn features' };
const HOUR = 3_600_000;

describe('a refused grant', () => {
  it('shows FAILED with the failing entries and [Retry]; once the cause is gone, Retry grants the rest and shows ACTIVE', async () => {
    const request = await requestThroughModal(world, card, ASK);
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    world.emulator.controls.faults.add({ service: 'lakeformation', operation: 'BatchGrantPermissions', error: 'AccessDeniedException', perEntry: true });

    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id });
    const failed = await settled(world, request.id, ['ACTIVE', 'FAILED']);

    expect(failed.status).toBe('FAILED');
    const shownFailed = shown(world.slack.message(PEOPLE.pat, message.ts));
    expect(shownFailed).toContain('AccessDeniedException');
    // The cause in words, who can fix it and what the buttons do, not only the exception's name.
    expect(shownFailed).toContain("the producer's role in the mesh account does not hold these permissions with the grant option");
    expect(shownFailed).toContain("Who can fix it: the producer account's admin");
    expect(shownFailed).toContain(`"action_id":"${ACTIONS.retry}"`);
    expect(await grantedToConsumer(world)).toEqual({});

    world.emulator.controls.faults.clear();
    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.retry, on: { channel: message.channel, ts: message.ts }, value: request.id });
    await eventually(() => {
      expect(world.slack.ephemerals(PEOPLE.pat).map((e) => shown(e)).join('\n')).toContain(`Retrying \`${request.id}\``);
    });
    const retried = await settled(world, request.id, ['ACTIVE']);

    expect(retried.history.map((h) => h.event)).toEqual(['request', 'approve', 'grant-failed', 'retry', 'grant-succeeded']);
    expect(await grantedToConsumer(world)).toEqual(expectedFrom(retried.plan));
    expect(shown(world.slack.message(PEOPLE.pat, message.ts))).toContain('"telco-111111111111_tables"."usecase2_customer_churn"');
    expect(shown(dmsAbout(world, PEOPLE.casey, request.id).at(-1))).toContain('Access granted');
  });
});

describe('a modify job', () => {
  it('changes the active grant to exactly the new plan, updates the messages and tells the requester', async () => {
    const active = (await world.deps.mesh.listSubscriptions(as(PEOPLE.casey), { kind: 'mine' })).items.find((s) => s.status === 'ACTIVE')!;
    const message = messageWith(world, PEOPLE.pat, active.id, ACTIONS.revoke);

    await world.deps.jobs.enqueue({
      kind: 'modify',
      input: { id: active.id, permissions: ['SELECT'], columns: { kind: 'exclude', names: ['customer_id'] }, reason: 'No customer ids any more' },
      ctx: { ...as(PEOPLE.pat), requestId: 'modify-1' },
    });
    await world.jobs.idle();

    const modified = await current(world, active.id);
    expect(modified).toMatchObject({ status: 'ACTIVE', columns: { kind: 'exclude', names: ['customer_id'] }, decisionNotes: 'No customer ids any more' });
    expect(modified.history.slice(-2)).toMatchObject([{ event: 'modify', actor: { userId: PEOPLE.pat } }, { event: 'modify-succeeded' }]);
    expect(await grantedToConsumer(world)).toEqual(expectedFrom(modified.plan));
    expect(shown(world.slack.message(PEOPLE.pat, message.ts))).toContain('No customer ids any more');
    expect(shown(dmsAbout(world, PEOPLE.casey, active.id).at(-1))).toContain('all but `customer_id`');
  });

  it('tells the person it acts for why it could not (here: not an owner), and changes nothing', async () => {
    const active = (await world.deps.mesh.listSubscriptions(as(PEOPLE.casey), { kind: 'mine' })).items.find((s) => s.status === 'ACTIVE')!;
    await world.deps.jobs.enqueue({ kind: 'modify', input: { id: active.id, permissions: ['SELECT', 'INSERT'], reason: 'Loads too' }, ctx: { ...as(PEOPLE.casey), requestId: 'modify-2' } });
    await world.jobs.idle();

    expect(shown(world.slack.messages(PEOPLE.casey).at(-1))).toContain('you cannot decide on your own request');
    expect((await current(world, active.id)).version).toBe(active.version);
  });
});

describe('App Home', () => {
  it('shows an owner the request waiting for them with buttons that work from there; the Home is redrawn after the decision', async () => {
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.reason]: 'Home tab check' });

    await world.post({ kind: 'app_home_opened', user: PEOPLE.sam });
    const home = await eventually(() => {
      const view = world.slack.home(PEOPLE.sam);
      expect(shown({ text: '', blocks: view?.blocks })).toContain('Home tab check');
      return view!;
    });
    const text = shown({ text: '', blocks: home.blocks });
    expect(text).toContain('Waiting for your approval');
    expect(text).toContain(keyedActionId(ACTIONS.approve, request.id));
    expect(text).toContain('My products');

    await world.post({ kind: 'block_actions', user: PEOPLE.sam, actionId: keyedActionId(ACTIONS.approve, request.id), on: { viewId: home.id }, value: request.id });
    const granted = await settled(world, request.id, ['ACTIVE', 'FAILED']);

    expect(granted).toMatchObject({ status: 'ACTIVE', decidedBy: { userId: PEOPLE.sam } });
    expect(shown({ text: '', blocks: world.slack.home(PEOPLE.sam)?.blocks })).not.toContain(keyedActionId(ACTIONS.approve, request.id));
    // The requester's Home lists it with [Revoke], the consumer side's own way out.
    expect(shown({ text: '', blocks: world.slack.home(PEOPLE.casey)?.blocks })).toContain(keyedActionId(ACTIONS.revoke, request.id));
  });

  it('shows a mesh admin every pending request, and a person the mesh does not know whom to ask', async () => {
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.reason]: 'Admin view check' });
    await world.post({ kind: 'app_home_opened', user: PEOPLE.ada });
    await eventually(() => {
      expect(shown({ text: '', blocks: world.slack.home(PEOPLE.ada)?.blocks })).toContain(keyedActionId(ACTIONS.deny, request.id));
    });
    world.slack.addUser({ id: 'U0DANA', name: 'dana', realName: 'Dana' });
    await world.post({ kind: 'app_home_opened', user: 'U0DANA' });
    await eventually(() => {
      const text = shown({ text: '', blocks: world.slack.home('U0DANA')?.blocks });
      expect(text).toContain('You act for no account in the mesh yet');
      expect(text).toContain(`ask <@${PEOPLE.ada}> to map you`);
      expect(text).not.toContain('Waiting for your approval');
    });
  });
});

describe('the sweep', () => {
  /** Make a request look `hours` old, as the store would have it. */
  async function age(id: string, hours: number): Promise<void> {
    const now = await current(world, id);
    await world.stores.subscriptions.save({ ...now, createdAt: new Date(Date.now() - hours * HOUR).toISOString(), version: now.version + 1 });
  }

  async function sweep(requestId: string): Promise<void> {
    await world.deps.jobs.enqueue({ kind: 'sweep', requestId });
    await world.jobs.idle();
  }

  it('reminds the owners of a request waiting a day, once; after a week it expires, everywhere', async () => {
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.reason]: 'Sweep check' });
    const original = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    await age(request.id, 25);

    await sweep('sweep-1');
    await sweep('sweep-2');
    for (const owner of [PEOPLE.pat, PEOPLE.sam]) {
      const reminders = dmsAbout(world, owner, request.id).filter((m) => m.text.startsWith('Reminder'));
      expect(reminders).toHaveLength(1);
      expect(shown(reminders[0])).toContain(`"action_id":"${ACTIONS.approve}"`);
    }
    expect(await world.deps.notices.list(reminderMarker(request.id))).toHaveLength(2);
    expect((await current(world, request.id)).status).toBe('PENDING');

    await age(request.id, 24 * 7 + 1);
    await sweep('sweep-3');

    const expired = await current(world, request.id);
    expect(expired.status).toBe('EXPIRED');
    // Expired by the bot itself, not by a person it borrowed.
    expect(expired.history.at(-1)).toMatchObject({ event: 'expire', actor: { system: 'expiry-sweep' } });
    for (const owner of [PEOPLE.pat, PEOPLE.sam]) {
      // The request and the reminder both say so, without buttons.
      for (const m of dmsAbout(world, owner, request.id)) {
        expect(shown(m)).toContain('Expired');
        expect(shown(m)).not.toContain(`"action_id":"${ACTIONS.approve}"`);
      }
    }
    expect(shown(world.slack.message(PEOPLE.pat, original.ts))).toContain('Expired');
    expect(shown(dmsAbout(world, PEOPLE.casey, request.id).at(-1))).toContain('expired');
  });

  it('syncs the products due as the bot itself: meshbot-system in AWS, no borrowed publisher', async () => {
    const products = world.stores.products;
    const product = (await products.get('telco-111111111111'))!;
    await products.save({ ...product, updatedAt: new Date(Date.now() - 5 * HOUR).toISOString(), version: product.version + 1 });
    world.emulator.controls.calls.clear();

    await sweep('sweep-sync');

    const synced = (await products.get('telco-111111111111'))!;
    expect(synced.version).toBe(product.version + 2);
    expect(Date.now() - Date.parse(synced.updatedAt)).toBeLessThan(HOUR);
    const glue = world.emulator.controls.calls.list({ service: 'glue' }).filter((c) => c.sessionName === 'meshbot-sweep-sync');
    expect(glue.length).toBeGreaterThan(0);
    expect(new Set(glue.map((c) => c.sourceIdentity))).toEqual(new Set([SYSTEM_SOURCE_IDENTITY]));
    // Every role session of the sync (producer account and mesh account alike) names the bot.
    const sessions = world.emulator.controls.calls.list().filter((c) => c.sessionName === 'meshbot-sweep-sync');
    expect(new Set(sessions.map((c) => `${c.accountId} ${c.roleName ?? ''}`)).size).toBeGreaterThan(1);
    expect(new Set(sessions.map((c) => c.sourceIdentity))).toEqual(new Set([SYSTEM_SOURCE_IDENTITY]));
  });
});

describe('a refresh job', () => {
  it('shows the subscription as it stands wherever it is posted, a copy it had not recorded included, and records nothing', async () => {
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.reason]: 'Refresh check' });
    const client = new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: `${world.url}/api/` });
    const posted = await client.chat.postMessage({ channel: PRODUCTS_CHANNEL, text: 'a copy of the request, to be filled in' });
    const copy = { channel: PRODUCTS_CHANNEL, ts: posted.ts ?? '' };

    await world.deps.jobs.enqueue({ kind: 'refresh', id: request.id, requestId: 'refresh-copy', ref: copy });
    await world.jobs.idle();

    const shownCopy = shown(world.slack.message(copy.channel, copy.ts));
    expect(shownCopy).toContain(request.id);
    expect(shownCopy).toContain(`"action_id":"${ACTIONS.approve}"`);
    expect(await world.deps.notices.list(request.id)).toContainEqual(expect.objectContaining(copy));
    // The bot read and showed the record as itself: the history has no line more.
    expect((await current(world, request.id)).history).toEqual(request.history);
  });
});
