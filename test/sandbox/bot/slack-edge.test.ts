import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackRequest } from '../../../src/bot/edge/slack-request-check';
import { signSlackRequest } from '../../../src/sandbox/slack/sign-slack-request';
import { SANDBOX_SIGNING_SECRET } from '../../../src/sandbox/slack/slack-world';
import { startBotWorld, type BotWorld } from '../../support/bot-world';

// The bot's HTTP edge as an attacker sees it: every method × path × content type × body, signed and
// not, against the running sandbox server. None may crash the process, reach a listener, or change
// anything; each gets a 4xx saying why, and the server answers the next request.

let world: BotWorld;
beforeAll(async () => {
  world = await startBotWorld();
});
afterAll(async () => {
  await world.close();
});

const METHODS = ['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'PATCH', 'POST'];
const PATHS = ['/slack/events', '/slack/events/', '/slack/eventsXYZ', '/slack', '/', '/slack/events?retry=1', '//slack/events', '/slack/%2e%2e/events'];
const CONTENT_TYPES = ['application/x-www-form-urlencoded', 'application/json', 'application/json; charset=utf-8', 'text/plain', undefined];
const BODIES = [
  '',
  'null',
  '{}',
  '[]',
  '"text"',
  'payload=null',
  'payload=%7B%7D',
  'payload=not-json',
  `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions' }))}`,
  `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'U0CONSUMER' }, actions: [] }))}`,
  `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', user: { id: 'U0CONSUMER' } }))}`,
  `payload=${encodeURIComponent(JSON.stringify({ type: 'shortcut', user: { id: 'U0CONSUMER' } }))}`,
  JSON.stringify({ type: 'event_callback' }),
  JSON.stringify({ type: 'event_callback', team_id: 'T0SANDBOX', event: null }),
  JSON.stringify({ type: 'url_verification' }),
  'command=%2Fmesh',
  'command=%2Fmesh&text=request+telco&team_id=T0SANDBOX&user_id=U0CONSUMER',
  'text=%00%01%02&user_id=%ff',
  '\u0000\u00ff\ud800',
];

interface Answer {
  status: number;
  body: string;
}

/** Send raw bytes, as an attacker would (fetch refuses some methods and bodies). */
function send(method: string, path: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const url = new URL(world.eventsUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function headersFor(contentType: string | undefined, body: string, signed: boolean): Record<string, string> {
  return { ...(contentType !== undefined && { 'content-type': contentType }), ...(signed ? signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body }) : {}) };
}

describe('the bot’s HTTP edge under every malformed request', () => {
  it('answers each with a 4xx, never reaches a listener, changes nothing, and stays up', async () => {
    const before = { slack: world.slack.callsRecorded(), aws: world.emulator.controls.calls.recorded() };
    const unexpected: string[] = [];
    let sent = 0;
    for (const method of METHODS) {
      for (const path of PATHS) {
        for (const contentType of CONTENT_TYPES) {
          for (const body of BODIES) {
            for (const signed of [false, true]) {
              const answer = await send(method, path, headersFor(contentType, body, signed), body);
              sent += 1;
              if (answer.status < 400 || answer.status >= 500) unexpected.push(`${method} ${path} ${contentType ?? '-'} ${signed ? 'signed' : 'unsigned'} ${JSON.stringify(body).slice(0, 60)} → ${String(answer.status)}`);
            }
          }
        }
      }
    }
    await world.idle();

    expect(sent).toBe(METHODS.length * PATHS.length * CONTENT_TYPES.length * BODIES.length * 2);
    expect(unexpected).toEqual([]);
    expect(world.slack.callsRecorded()).toBe(before.slack);
    expect(world.emulator.controls.calls.recorded()).toBe(before.aws);
    expect(await world.inspect.subscriptionsByStatus('PENDING')).toEqual([]);
    // Still up: a real request is answered.
    expect(await world.post({ kind: 'url_verification', challenge: 'still-here' })).toMatchObject({ status: 200, json: { challenge: 'still-here' } });
  }, 120_000);

  it('says why, with the right status: 404 elsewhere, 405 with Allow, 401 unsigned, 400 malformed, 413 oversized', async () => {
    const signed = (body: string, contentType = 'application/x-www-form-urlencoded'): Record<string, string> => headersFor(contentType, body, true);

    expect(await send('POST', '/slack/eventsXYZ', signed('payload=null'), 'payload=null')).toEqual({ status: 404, body: 'nothing is served at /slack/eventsXYZ' });
    const get = await send('GET', '/slack/events', {}, '');
    expect(get).toEqual({ status: 405, body: 'Slack requests are POSTs' });
    expect(await send('POST', '/slack/events', { 'content-type': 'application/json' }, '{}')).toEqual({ status: 401, body: 'not signed by Slack' });
    expect((await send('POST', '/slack/events', signed('payload=null'), 'payload=null')).status).toBe(400);
    expect((await send('POST', '/slack/events', signed('null', 'application/json'), 'null')).status).toBe(400);
    const huge = `payload=${'x'.repeat(1024 * 1024 + 1)}`;
    expect((await send('POST', '/slack/events', signed(huge), huge)).status).toBe(413);
  });
});

describe('checkSlackRequest (the edge’s verdict)', () => {
  const nowMs = Date.UTC(2026, 11, 2, 12, 0, 0);
  const body = JSON.stringify({ type: 'url_verification', challenge: 'c' });
  const at = (offsetSeconds: number) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body, timestampSeconds: nowMs / 1000 + offsetSeconds }) },
    body,
  });

  it('refuses timestamps more than five minutes away in either direction, as Slack’s verification guide says', () => {
    const check = (offset: number) => checkSlackRequest(at(offset), { signingSecret: SANDBOX_SIGNING_SECRET, nowMs });

    expect(check(0)).toEqual({ ok: true });
    expect(check(-299)).toEqual({ ok: true });
    expect(check(299)).toEqual({ ok: true });
    expect(check(-301)).toMatchObject({ ok: false, status: 401, reason: 'the signature timestamp is more than five minutes away' });
    expect(check(301)).toMatchObject({ ok: false, status: 401, reason: 'the signature timestamp is more than five minutes away' });
    expect(check(365 * 24 * 3600)).toMatchObject({ ok: false, status: 401 });
  });
});
