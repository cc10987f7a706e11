import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signSlackRequest, slackSignature } from '../../../src/sandbox/slack/sign-slack-request';
import { SANDBOX_SIGNING_SECRET } from '../../../src/sandbox/slack/slack-world';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const BODY = 'token=x&team_id=T0SANDBOX&command=%2Fmesh&text=request+telco-111111111111+usecase1+select';

/** Bolt's own check of a signed request, at a given time. */
function verify(body: string, headers: { 'x-slack-signature': string; 'x-slack-request-timestamp': string }, nowMilliseconds = NOW): void {
  verifySlackRequest({
    signingSecret: SANDBOX_SIGNING_SECRET,
    body,
    headers: { 'x-slack-signature': headers['x-slack-signature'], 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
    nowMilliseconds,
  });
}

describe('signSlackRequest', () => {
  it('produces a signature Bolt verifies', () => {
    const headers = signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body: BODY, nowMs: NOW });
    expect(headers['x-slack-request-timestamp']).toBe(String(NOW / 1000));
    expect(headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(() => {
      verify(BODY, headers);
    }).not.toThrow();
  });

  it('matches Slack’s documented example', () => {
    // The example of Slack's "Verifying requests from Slack" guide.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('is refused when the body changes', () => {
    const headers = signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body: BODY, nowMs: NOW });
    expect(() => {
      verify(`${BODY}+all`, headers);
    }).toThrow(/signature mismatch/);
  });

  it('is refused when the timestamp changes', () => {
    const headers = signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body: BODY, nowMs: NOW });
    expect(() => {
      verify(BODY, { ...headers, 'x-slack-request-timestamp': String(NOW / 1000 + 1) });
    }).toThrow(/signature mismatch/);
  });

  it('is refused with another secret', () => {
    const headers = signSlackRequest({ secret: 'not-the-secret', body: BODY, nowMs: NOW });
    expect(() => {
      verify(BODY, headers);
    }).toThrow(/signature mismatch/);
  });

  it('is refused when the timestamp is more than 5 minutes old, accepted at exactly 5', () => {
    const fiveMinutes = signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body: BODY, timestampSeconds: NOW / 1000 - 300 });
    expect(() => {
      verify(BODY, fiveMinutes);
    }).not.toThrow();
    const stale = signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body: BODY, timestampSeconds: NOW / 1000 - 301 });
    expect(() => {
      verify(BODY, stale);
    }).toThrow(/stale/);
  });
});
