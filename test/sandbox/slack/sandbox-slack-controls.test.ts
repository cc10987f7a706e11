import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSlackApi, type FakeSlackApi, type SlackStateSnapshot } from '../../../src/sandbox/slack/fake-slack-api';
import type { SlackCallRecord } from '../../../src/sandbox/slack/slack-call-log';
import { SANDBOX_BOT_TOKEN, SANDBOX_CHANNELS, SANDBOX_USERS } from '../../../src/sandbox/slack/slack-world';
import { createTestClock, startTestSlack, type TestSlack } from './start-test-slack';

let t: TestSlack;
const PRODUCTS = SANDBOX_CHANNELS.dataProducts.id;
const { consumer, producer } = SANDBOX_USERS;

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${t.slack.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  t = await startTestSlack();
});

beforeEach(async () => {
  await send('POST', '/_sandbox/slack/reset');
});

afterAll(async () => {
  await t.slack.close();
});

describe('GET /_sandbox/slack/calls and /state', () => {
  it('lists calls, filtered by method, and shows channels, messages, views and homes', async () => {
    const client = t.client();
    const posted = await client.chat.postMessage({ channel: PRODUCTS, text: 'hello' });
    await client.views.publish({ user_id: producer.id, view: { type: 'home', blocks: [{ type: 'divider' }] } });

    const all = await send('GET', '/_sandbox/slack/calls');
    expect((all.json as SlackCallRecord[]).map((c) => c.method)).toEqual(['chat.postMessage', 'views.publish']);
    const only = await send('GET', '/_sandbox/slack/calls?method=views.publish');
    expect(only.json).toMatchObject([{ seq: 2, method: 'views.publish', ok: true, error: null, args: { user_id: producer.id } }]);
    expect((await send('GET', '/_sandbox/slack/calls?ok=maybe')).status).toBe(400);

    const state = (await send('GET', '/_sandbox/slack/state')).json as SlackStateSnapshot;
    expect(state.channels[PRODUCTS]).toMatchObject({ name: 'data-products' });
    expect(state.messages[PRODUCTS]).toMatchObject([{ ts: posted.ts, text: 'hello' }]);
    expect(state.homes[producer.id]).toMatchObject({ type: 'home', blocks: [{ type: 'divider' }] });
    expect(state.views).toEqual([]);
  });

  it('DELETE /calls forgets calls; POST /reset forgets everything', async () => {
    await t.client().chat.postMessage({ channel: PRODUCTS, text: 'hello' });
    expect((await send('DELETE', '/_sandbox/slack/calls')).json).toEqual({ deleted: 'all' });
    expect((await send('GET', '/_sandbox/slack/calls')).json).toEqual([]);
    expect(t.slack.messages(PRODUCTS)).toHaveLength(1);
    expect((await send('POST', '/_sandbox/slack/reset')).json).toEqual({ reset: true });
    expect(((await send('GET', '/_sandbox/slack/state')).json as SlackStateSnapshot).messages).toEqual({});
  });
});

describe('POST /_sandbox/slack/users, /triggers, /faults', () => {
  it('adds a user the Web API then knows', async () => {
    const added = await send('POST', '/_sandbox/slack/users', { id: 'U0DANA', name: 'dana', realName: 'Dana' });
    expect(added).toMatchObject({ status: 200, json: { id: 'U0DANA', realName: 'Dana' } });
    expect((await t.client().users.info({ user: 'U0DANA' })).user?.name).toBe('dana');
    expect((await send('POST', '/_sandbox/slack/users', { id: 'U0DANA' })).status).toBe(400);
  });

  it('mints a trigger id that views.open accepts', async () => {
    const minted = await send('POST', '/_sandbox/slack/triggers', { user: consumer.id });
    const { trigger_id } = minted.json as { trigger_id: string };
    expect(trigger_id).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    const opened = await t.client().views.open({ trigger_id, view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] } });
    expect(t.slack.views(consumer.id)[0]?.view.id).toBe(opened.view?.id);
    expect((await send('POST', '/_sandbox/slack/triggers', { user: 'U0NOBODY' })).status).toBe(404);
  });

  it('arms, lists and clears faults', async () => {
    expect((await send('POST', '/_sandbox/slack/faults', { method: 'chat.postMessage', error: 'fatal_error', count: 1 })).json).toEqual({ id: 'slack-fault-1' });
    expect((await send('GET', '/_sandbox/slack/faults')).json).toMatchObject([{ id: 'slack-fault-1', method: 'chat.postMessage', fired: 0 }]);
    expect((await send('POST', '/_sandbox/slack/faults', { error: 'Not A Code' })).status).toBe(400);
    expect((await send('DELETE', '/_sandbox/slack/faults')).json).toEqual({ deleted: 'all' });
    expect((await send('GET', '/_sandbox/slack/faults')).json).toEqual([]);
  });

  it('answers 404 with the list of controls for an unknown one', async () => {
    expect(await send('GET', '/_sandbox/slack/nothing')).toMatchObject({ status: 404, json: { routes: expect.arrayContaining(['GET /_sandbox/slack/state']) as unknown } });
  });
});

describe('POST /_sandbox/slack/respond/<id> (Bolt respond())', () => {
  it('replace_original edits the clicked message; a plain post is ephemeral; in_channel is a message', async () => {
    const posted = await t.client().chat.postMessage({ channel: PRODUCTS, text: 'Request from Casey', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Request' } }] });
    const url = t.slack.mintResponseUrl({ channel: PRODUCTS, user: producer.id, messageTs: posted.ts! });
    const post = (body: unknown): Promise<Response> => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await post({ replace_original: true, text: 'Approved by Pat' })).status).toBe(200);
    expect(t.slack.message(PRODUCTS, posted.ts!)).toMatchObject({ text: 'Approved by Pat', edited: { user: 'U0MESHBOT' } });
    expect(t.slack.message(PRODUCTS, posted.ts!)?.blocks).toBeUndefined();

    await post({ text: 'Granting…' });
    expect(t.slack.ephemerals(producer.id, PRODUCTS).map((e) => e.text)).toEqual(['Granting…']);
    await post({ response_type: 'in_channel', text: 'Casey now reads telco' });
    expect(t.slack.messages(PRODUCTS).map((m) => m.text)).toEqual(['Approved by Pat', 'Casey now reads telco']);
    expect(t.slack.responses().map((r) => r.text)).toEqual(['Approved by Pat', 'Granting…', 'Casey now reads telco']);
  });

  it('replaces an ephemeral message in place, and refuses after five posts or thirty minutes', async () => {
    const { message_ts } = await t.client().chat.postEphemeral({ channel: PRODUCTS, user: consumer.id, text: 'Pick a product', blocks: [{ type: 'divider' }] });
    const url = t.slack.mintResponseUrl({ channel: PRODUCTS, user: consumer.id, messageTs: message_ts!, isEphemeral: true });
    const post = (body: unknown): Promise<Response> => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post({ replace_original: true, text: 'Requested' });
    expect(t.slack.ephemerals(consumer.id)).toMatchObject([{ ts: message_ts, text: 'Requested', replaced: true }]);
    for (let i = 0; i < 4; i += 1) expect((await post({ text: `update ${i}` })).status).toBe(200);
    const used = await post({ text: 'sixth' });
    expect(used.status).toBe(404);
    expect(await used.json()).toEqual({ ok: false, error: 'used_url' });

    const late = t.slack.mintResponseUrl({ channel: PRODUCTS, user: consumer.id });
    t.clock.advance(30 * 60 * 1000 + 1);
    expect((await fetch(late, { method: 'POST', body: '{"text":"late"}' })).status).toBe(404);
  });
});

describe('mounted on another server under a prefix', () => {
  let server: Server;
  let mounted: FakeSlackApi;
  let origin: string;

  beforeAll(async () => {
    const clock = createTestClock();
    mounted = createFakeSlackApi({ prefix: '/slack', clock: () => clock.now(), publicUrl: () => origin });
    server = createServer((req, res) => {
      if (mounted.handle(req, res)) return;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('the host answered');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
  });

  it('answers under its prefix and leaves every other path to the host', async () => {
    const form = new URLSearchParams({ channel: PRODUCTS, text: 'mounted' }).toString();
    const answer = await fetch(`${origin}/slack/api/chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_BOT_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(await answer.json()).toMatchObject({ ok: true, channel: PRODUCTS });
    expect(mounted.messages(PRODUCTS)).toHaveLength(1);
    expect(await (await fetch(`${origin}/slack/_sandbox/slack/calls`)).json()).toMatchObject([{ method: 'chat.postMessage' }]);
    expect(await (await fetch(`${origin}/api/chat.postMessage`, { method: 'POST' })).text()).toBe('the host answered');
    expect(await (await fetch(`${origin}/slackish`)).text()).toBe('the host answered');
    expect(mounted.mintResponseUrl({ channel: PRODUCTS, user: consumer.id })).toMatch(new RegExp(`^${origin}/slack/_sandbox/slack/respond/R`));
  });
});
