import { createHmac } from 'node:crypto';

/** The headers Slack adds to every request it sends an app. */
export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function slackSignature(secret: string, timestampSeconds: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

/**
 * Sign a raw request body as Slack does (timestamp: epoch seconds, default now).
 * @example const headers = signSlackRequest({ secret, body: 'command=%2Fmesh&text=help' });
 */
export function signSlackRequest(input: { secret: string; body: string; timestampSeconds?: number; nowMs?: number }): SlackSignatureHeaders {
  const timestamp = input.timestampSeconds ?? Math.floor((input.nowMs ?? Date.now()) / 1000);
  return { 'x-slack-signature': slackSignature(input.secret, timestamp, input.body), 'x-slack-request-timestamp': String(timestamp) };
}
