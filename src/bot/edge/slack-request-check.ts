import { isValidSlackRequest } from '@slack/bolt';
import { slackBodyProblem } from './slack-request-shape';

/** Where Slack posts: the one path the bot answers (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Bodies Slack sends are small; larger ones are refused unread (Bolt's own limit is 10 MB). */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

/** Slack's rule: a request whose timestamp is more than five minutes from local time is refused ("Verifying requests from Slack"). */
const MAX_SKEW_SECONDS = 5 * 60;

/** A request as it arrived, before anything reads it as Slack's. */
export interface EdgeRequest {
  method: string;
  /** The path, where the server serves more than the bot (the sandbox); undefined where every path is the bot (a Function URL). */
  path?: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

/** Go on to Bolt, or answer with this status and a one-line reason (never echoing the request). */
export type EdgeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 404 | 405 | 413; reason: string; headers?: Record<string, string> };

/**
 * Judge a request at the HTTP edge, before Bolt: only POST to the events path, signed by Slack with a
 * timestamp within five minutes either way (Bolt checks only the past), and a body of a kind this app
 * takes, with the fields its listeners read. Anything else gets a 4xx and changes nothing.
 */
export function checkSlackRequest(request: EdgeRequest, options: { signingSecret: string; nowMs: number }): EdgeVerdict {
  if (request.path !== undefined && request.path !== SLACK_EVENTS_PATH) return { ok: false, status: 404, reason: `nothing is served at ${request.path.slice(0, 100)}` };
  if (request.method.toUpperCase() !== 'POST') return { ok: false, status: 405, reason: 'Slack requests are POSTs', headers: { allow: 'POST' } };
  if (Buffer.byteLength(request.body) > MAX_SLACK_BODY_BYTES) return { ok: false, status: 413, reason: 'the body is larger than any Slack request' };
  const timestamp = request.headers['x-slack-request-timestamp'] ?? '';
  const signature = request.headers['x-slack-signature'] ?? '';
  if (!/^\d{1,12}$/.test(timestamp) || signature === '') return { ok: false, status: 401, reason: 'not signed by Slack' };
  if (Math.abs(options.nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, status: 401, reason: 'the signature timestamp is more than five minutes away' };
  const signed = isValidSlackRequest({
    signingSecret: options.signingSecret,
    body: request.body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
    nowMilliseconds: options.nowMs,
  });
  if (!signed) return { ok: false, status: 401, reason: 'the signature does not match' };
  const problem = slackBodyProblem(request.headers['content-type'] ?? '', request.body);
  return problem === undefined ? { ok: true } : { ok: false, status: 400, reason: problem };
}
