import { webApi, type types } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_APP,
  SANDBOX_BOT_TOKEN,
  SANDBOX_CHANNELS,
  SANDBOX_TEAM,
  SANDBOX_USERGROUPS,
  SANDBOX_USERS,
} from '../../../src/sandbox/slack/slack-world';
import { startFakeSlackApi } from '../../../src/sandbox/slack/fake-slack-api';
import { startFakeSocketMode } from '../../../src/sandbox/slack/fake-socket-mode';
import { silentLogger, startTestSlack, type TestSlack } from './start-test-slack';

let t: TestSlack;
let client: webApi.WebClient;
const { producer, consumer, admin } = SANDBOX_USERS;
const PRODUCTS = SANDBOX_CHANNELS.dataProducts.id;

const section = (text: string, blockId?: string): types.SectionBlock => ({ type: 'section', ...(blockId !== undefined && { block_id: blockId }), text: { type: 'mrkdwn', text } });
const modal = (title: string, extra: Record<string, unknown> = {}): webApi.ViewsOpenArguments['view'] => ({
  type: 'modal',
  title: { type: 'plain_text', text: title },
  blocks: [section(`*${title}*`)],
  ...extra,
});

/** The Slack error code of a failed WebClient call (a platform_error), or a failure when it succeeded. */
async function slackError(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeDefined();
  expect((error as webApi.WebAPIPlatformError).code).toBe(webApi.ErrorCode.PlatformError);
  return (error as webApi.WebAPIPlatformError).data.error;
}

beforeAll(async () => {
  t = await startTestSlack();
  client = t.client();
});

beforeEach(() => {
  t.slack.reset();
});

afterAll(async () => {
  await t.slack.close();
});

describe('auth', () => {
  it('auth.test names the sandbox team and the bot', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, team: SANDBOX_TEAM.name, team_id: SANDBOX_TEAM.id, user_id: SANDBOX_APP.botUserId, bot_id: SANDBOX_APP.botId });
  });

  it('refuses a wrong token with invalid_auth and a missing one with not_authed', async () => {
    expect(await slackError(t.client('xoxb-not-the-sandbox-token').auth.test())).toBe('invalid_auth');
    const anonymous = new webApi.WebClient(undefined, { slackApiUrl: t.slack.apiUrl, retryConfig: { retries: 0 }, logger: silentLogger });
    expect(await slackError(anonymous.auth.test())).toBe('not_authed');
  });

  it('answers unknown_method for a method it does not know', async () => {
    expect(await slackError(client.apiCall('chat.scheduleMessage', { channel: PRODUCTS, text: 'later', post_at: 1 }))).toBe('unknown_method');
  });

  it('accepts a JSON body with the token in the Authorization header', async () => {
    const response = await fetch(`${t.slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_BOT_TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: PRODUCTS, text: 'json', blocks: [section('json')] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: PRODUCTS });
    expect(t.slack.messages(PRODUCTS)[0]).toMatchObject({ text: 'json', blocks: [section('json')] });
  });
});

describe('Socket Mode (apps.connections.open)', () => {
  it('gives an app-level token a WebSocket URL, refuses a bot token for it and an app token for anything else', async () => {
    const socketMode = await startFakeSocketMode();
    const slack = await startFakeSlackApi({ logger: pino({ level: 'silent' }), socketMode: { appTokens: ['xapp-test'], connectionUrl: () => socketMode.connectionUrl() } });
    const as = (token: string): webApi.WebClient => new webApi.WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logger: silentLogger });
    try {
      const opened = await as('xapp-test').apps.connections.open();
      expect(opened.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[\w-]+&app_id=A0MESHBOT$/);
      expect(await slackError(as(SANDBOX_BOT_TOKEN).apps.connections.open())).toBe('not_allowed_token_type');
      expect(await slackError(as('xapp-other').apps.connections.open())).toBe('invalid_auth');
      expect(await slackError(as('xapp-test').chat.postMessage({ channel: PRODUCTS, text: 'hi' }))).toBe('not_allowed_token_type');
    } finally {
      await slack.close();
      await socketMode.close();
    }
  });
});

describe('chat', () => {
  it('postMessage → update: messages(channel) shows the edited message', async () => {
    const posted = await client.chat.postMessage({ channel: PRODUCTS, text: 'telco published', blocks: [section('*telco* published')] });
    expect(posted).toMatchObject({ ok: true, channel: PRODUCTS, message: { text: 'telco published', user: SANDBOX_APP.botUserId, bot_id: SANDBOX_APP.botId } });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);

    const updated = await client.chat.update({ channel: PRODUCTS, ts: posted.ts!, text: 'telco published (3 tables)' });
    expect(updated).toMatchObject({ ok: true, channel: PRODUCTS, ts: posted.ts, text: 'telco published (3 tables)' });

    const [message] = t.slack.messages('#data-products');
    expect(message).toMatchObject({ ts: posted.ts, text: 'telco published (3 tables)', blocks: [section('*telco* published')], edited: { user: SANDBOX_APP.botUserId } });
  });

  it('posts to a user id in the bot DM with that user, and threads replies', async () => {
    const posted = await client.chat.postMessage({ channel: producer.id, text: 'Casey asks for telco' });
    expect(posted.channel).toBe('D0PRODUCER');
    await client.chat.postMessage({ channel: posted.channel!, thread_ts: posted.ts!, text: 'Approved by Pat' });
    expect(t.slack.messages(producer.id).map((m) => [m.text, m.thread_ts])).toEqual([
      ['Casey asks for telco', undefined],
      ['Approved by Pat', posted.ts],
    ]);
  });

  it('postEphemeral is visible only to its user and answers message_ts', async () => {
    const result = await client.chat.postEphemeral({ channel: PRODUCTS, user: consumer.id, text: 'Only you can see this' });
    expect(result.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(t.slack.ephemerals(consumer.id)).toMatchObject([{ channel: PRODUCTS, ts: result.message_ts, text: 'Only you can see this' }]);
    expect(t.slack.ephemerals(producer.id)).toEqual([]);
    expect(t.slack.messages(PRODUCTS)).toEqual([]);
  });

  it('chat.delete removes the message', async () => {
    const posted = await client.chat.postMessage({ channel: PRODUCTS, text: 'oops' });
    expect(await client.chat.delete({ channel: PRODUCTS, ts: posted.ts! })).toMatchObject({ ok: true, channel: PRODUCTS, ts: posted.ts });
    expect(t.slack.messages(PRODUCTS)).toEqual([]);
    expect(await slackError(client.chat.delete({ channel: PRODUCTS, ts: posted.ts! }))).toBe('message_not_found');
  });

  it('refuses what Slack refuses, with its error codes', async () => {
    expect(await slackError(client.chat.postMessage({ channel: '', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(client.chat.postMessage({ channel: 'C0NOWHERE', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(client.apiCall('chat.postMessage', { channel: PRODUCTS }))).toBe('no_text');
    expect(await slackError(client.chat.postEphemeral({ channel: PRODUCTS, user: 'U0NOBODY', text: 'x' }))).toBe('user_not_found');
    expect(await slackError(client.chat.update({ channel: PRODUCTS, ts: '1.000001', text: 'x' }))).toBe('message_not_found');
  });

  it('refuses more than 50 blocks with invalid_blocks and says where', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(`row ${i}`));
    const error = await client.chat.postMessage({ channel: PRODUCTS, text: 'many', blocks }).catch((e: unknown) => e as webApi.WebAPIPlatformError);
    expect(error).toBeInstanceOf(Error);
    expect((error as webApi.WebAPIPlatformError).data).toMatchObject({
      error: 'invalid_blocks',
      response_metadata: { messages: ['[ERROR] must provide an array of no more than 50 items [json-pointer:/blocks]'] },
    });
  });

  it('refuses blocks beyond Block Kit limits (section text, header text, duplicate block ids)', async () => {
    const tooLong = section('x'.repeat(3001));
    expect(await slackError(client.chat.postMessage({ channel: PRODUCTS, text: 't', blocks: [tooLong] }))).toBe('invalid_blocks');
    const header: types.HeaderBlock = { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } };
    expect(await slackError(client.chat.postMessage({ channel: PRODUCTS, text: 't', blocks: [header] }))).toBe('invalid_blocks');
    expect(await slackError(client.chat.postMessage({ channel: PRODUCTS, text: 't', blocks: [section('a', 'same'), section('b', 'same')] }))).toBe('invalid_blocks');
  });
});

describe('conversations and users', () => {
  it('conversations.open gives each user one stable DM id', async () => {
    const first = await client.conversations.open({ users: consumer.id });
    const again = await client.conversations.open({ users: consumer.id });
    expect(first.channel?.id).toBe('D0CONSUMER');
    expect(again).toMatchObject({ ok: true, already_open: true, channel: { id: 'D0CONSUMER' } });
    expect((await client.conversations.open({ users: producer.id })).channel?.id).toBe('D0PRODUCER');
    expect(await slackError(client.conversations.open({ users: 'U0NOBODY' }))).toBe('user_not_found');
  });

  it('conversations.info describes #data-products and DMs', async () => {
    expect(await client.conversations.info({ channel: PRODUCTS })).toMatchObject({
      ok: true,
      channel: { id: PRODUCTS, name: 'data-products', is_channel: true, is_private: false, is_member: true },
    });
    await client.conversations.open({ users: admin.id });
    expect((await client.conversations.info({ channel: 'D0ADMIN' })).channel).toMatchObject({ id: 'D0ADMIN', is_im: true, user: admin.id });
    expect(await slackError(client.conversations.info({ channel: 'C0NOWHERE' }))).toBe('channel_not_found');
  });

  it('users.info and users.list show the seeded people; users added later appear too', async () => {
    expect((await client.users.info({ user: producer.id })).user).toMatchObject({ id: producer.id, name: 'pat', real_name: 'Pat', team_id: SANDBOX_TEAM.id, is_bot: false });
    expect(await slackError(client.users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');

    t.slack.addUser({ id: 'U0NEWBIE', name: 'nico', realName: 'Nico' });
    expect((await client.users.info({ user: 'U0NEWBIE' })).user?.real_name).toBe('Nico');
    const ids: string[] = [];
    for await (const page of client.paginate('users.list', { limit: 2 })) ids.push(...((page as webApi.UsersListResponse).members ?? []).map((m) => m.id!));
    expect(ids).toEqual(['U0PRODUCER', 'U0CONSUMER', 'U0ADMIN', 'U0OWNER2', 'U0MESHBOT', 'U0NEWBIE']);
  });

  it('usergroups.users.list lists a group, and refuses an unknown one', async () => {
    expect((await client.usergroups.users.list({ usergroup: SANDBOX_USERGROUPS.meshAdmins.id })).users).toEqual([admin.id]);
    expect(await slackError(client.usergroups.users.list({ usergroup: 'S0NONE' }))).toBe('no_such_subteam');
  });
});

describe('views', () => {
  it('views.open accepts a fresh trigger once, and refuses it after 3 s', async () => {
    const trigger = t.slack.mintTriggerId(consumer.id);
    const opened = await client.views.open({ trigger_id: trigger, view: modal('Request access', { callback_id: 'mesh_request_modal', private_metadata: 'p1' }) });
    expect(opened.view).toMatchObject({ type: 'modal', callback_id: 'mesh_request_modal', private_metadata: 'p1', team_id: SANDBOX_TEAM.id, app_id: SANDBOX_APP.appId });
    expect(opened.view?.id).toMatch(/^V[A-Z0-9]+$/);
    expect(opened.view?.hash).toMatch(/^\d+\.[0-9a-f]{8}$/);
    expect(t.slack.views(consumer.id).map((v) => v.view.id)).toEqual([opened.view?.id]);
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal('Again') }))).toBe('exchanged_trigger_id');

    const late = t.slack.mintTriggerId(consumer.id);
    t.clock.advance(3001);
    expect(await slackError(client.views.open({ trigger_id: late, view: modal('Late') }))).toBe('expired_trigger_id');
    expect(await slackError(client.views.open({ trigger_id: '123.456.abc', view: modal('Made up') }))).toBe('invalid_trigger_id');
  });

  it('a trigger 3 s old is still accepted', async () => {
    const trigger = t.slack.mintTriggerId(producer.id);
    t.clock.advance(3000);
    expect((await client.views.open({ trigger_id: trigger, view: modal('Just in time') })).ok).toBe(true);
  });

  it('views.update by view_id or external_id; a stale hash is a hash_conflict', async () => {
    const opened = await client.views.open({ trigger_id: t.slack.mintTriggerId(consumer.id), view: modal('Step 1', { external_id: 'req-1' }) });
    const { id, hash } = opened.view as { id: string; hash: string };
    const byId = await client.views.update({ view_id: id, hash, view: modal('Step 2', { external_id: 'req-1' }) });
    expect(byId.view).toMatchObject({ id, title: { text: 'Step 2' } });
    expect(byId.view?.hash).not.toBe(hash);
    expect(await slackError(client.views.update({ view_id: id, hash, view: modal('Step 2 again') }))).toBe('hash_conflict');
    expect((await client.views.update({ external_id: 'req-1', view: modal('Step 3') })).view).toMatchObject({ id, title: { text: 'Step 3' } });
    expect(await slackError(client.views.update({ view_id: 'V0NOPE', view: modal('x') }))).toBe('not_found');
  });

  it('views.push stacks at most 3 views', async () => {
    const root = await client.views.open({ trigger_id: t.slack.mintTriggerId(admin.id), view: modal('Root') });
    const second = await client.views.push({ trigger_id: t.slack.mintTriggerId(admin.id), view: modal('Second') });
    expect(second.view).toMatchObject({ root_view_id: root.view?.id, previous_view_id: root.view?.id });
    await client.views.push({ trigger_id: t.slack.mintTriggerId(admin.id), view: modal('Third') });
    expect(await slackError(client.views.push({ trigger_id: t.slack.mintTriggerId(admin.id), view: modal('Fourth') }))).toBe('push_limit_reached');
    expect(t.slack.views(admin.id)).toHaveLength(3);
  });

  it('a modal with an input block needs a submit button', async () => {
    const view = modal('Reason', { blocks: [{ type: 'input', block_id: 'reason', label: { type: 'plain_text', text: 'Why?' }, element: { type: 'plain_text_input', action_id: 'reason_input' } }] });
    expect(await slackError(client.views.open({ trigger_id: t.slack.mintTriggerId(consumer.id), view }))).toBe('invalid_arguments');
  });

  it('views.publish keeps one App Home per user, with a stable view id', async () => {
    const home = (text: string): webApi.ViewsPublishArguments['view'] => ({ type: 'home', blocks: [section(text)] });
    const first = await client.views.publish({ user_id: producer.id, view: home('Pat’s products') });
    await client.views.publish({ user_id: consumer.id, view: home('Casey’s subscriptions') });
    const second = await client.views.publish({ user_id: producer.id, view: home('Pat’s products (2)'), hash: first.view?.hash });
    expect(second.view?.id).toBe(first.view?.id);
    expect(t.slack.home(producer.id)?.blocks).toEqual([section('Pat’s products (2)')]);
    expect(t.slack.home(consumer.id)?.blocks).toEqual([section('Casey’s subscriptions')]);
    expect(await slackError(client.views.publish({ user_id: producer.id, view: home('stale'), hash: first.view?.hash }))).toBe('hash_conflict');
    expect(await slackError(client.views.publish({ user_id: 'U0NOBODY', view: home('x') }))).toBe('user_not_found');
  });
});

describe('the call record', () => {
  it('records every call with decoded arguments, outcome and error, tokens redacted', async () => {
    await client.chat.postMessage({ channel: PRODUCTS, text: `leaked ${SANDBOX_BOT_TOKEN}?`, blocks: [section('hi')] });
    await client.users.info({ user: 'U0NOBODY' }).catch(() => undefined);
    await client.apiCall('auth.test', { token: SANDBOX_BOT_TOKEN });

    const calls = t.slack.calls();
    expect(calls.map((c) => [c.method, c.ok, c.error])).toEqual([
      ['chat.postMessage', true, null],
      ['users.info', false, 'user_not_found'],
      ['auth.test', true, null],
    ]);
    expect(calls[0]!.args).toMatchObject({ channel: PRODUCTS, blocks: [section('hi')], text: 'leaked [redacted]?' });
    expect(JSON.stringify(calls)).not.toContain(SANDBOX_BOT_TOKEN);
    expect(t.slack.calls({ method: 'users.info' })).toHaveLength(1);
    expect(t.slack.calls({ ok: false }).map((c) => c.method)).toEqual(['users.info']);
  });

  it('clear() forgets calls but keeps messages; reset() returns to the seed', async () => {
    await client.chat.postMessage({ channel: PRODUCTS, text: 'kept' });
    t.slack.addUser({ id: 'U0TEMP', name: 'temp', realName: 'Temp' });
    t.slack.clear();
    expect(t.slack.calls()).toEqual([]);
    expect(t.slack.messages(PRODUCTS)).toHaveLength(1);
    t.slack.reset();
    expect(t.slack.messages(PRODUCTS)).toEqual([]);
    expect(t.slack.world.users.U0TEMP).toBeUndefined();
  });
});

describe('faults', () => {
  it('answers an armed error for the next calls of a method, then recovers', async () => {
    t.slack.faults.add({ method: 'chat.update', error: 'internal_error', count: 1 });
    const posted = await client.chat.postMessage({ channel: PRODUCTS, text: 'v1' });
    expect(await slackError(client.chat.update({ channel: PRODUCTS, ts: posted.ts!, text: 'v2' }))).toBe('internal_error');
    expect((await client.chat.update({ channel: PRODUCTS, ts: posted.ts!, text: 'v2' })).ok).toBe(true);
  });

  it('ratelimited answers HTTP 429 with Retry-After, as the WebClient expects', async () => {
    t.slack.faults.add({ method: 'chat.postMessage', error: 'ratelimited', count: 1, retryAfter: 7 });
    const limited = new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: t.slack.apiUrl, rejectRateLimitedCalls: true, logger: silentLogger });
    const error = await limited.chat.postMessage({ channel: PRODUCTS, text: 'x' }).catch((e: unknown) => e as webApi.WebAPIRateLimitedError);
    expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 7 });
  });
});
