import * as z from 'zod';
import type { FakeSlackApi } from './fake-slack-api';
import { signSlackRequest } from './sign-slack-request';
import {
  appHomeOpenedRequest,
  blockActionsRequest,
  eventCallbackRequest,
  slashCommandRequest,
  urlVerificationRequest,
  viewClosedRequest,
  viewSubmissionRequest,
  type ActionContainer,
  type SlackRequest,
  type ViewStateValues,
} from './slack-payloads';

/** What to send, by kind; the fields are those of the matching builder in `slack-payloads`. */
export type SignedPostKind =
  | { kind: 'command'; user: string; text: string; command?: string; channel?: string }
  | { kind: 'block_actions'; user: string; actionId: string; on: ActionContainer; value?: string; selected?: string | string[]; values?: ViewStateValues }
  | { kind: 'view_submission'; viewId: string; values?: ViewStateValues; user?: string }
  | { kind: 'view_closed'; viewId: string; user?: string; isCleared?: boolean }
  | { kind: 'app_home_opened'; user: string }
  | { kind: 'event'; event: { type: string } & Record<string, unknown> }
  | { kind: 'url_verification'; challenge?: string }
  | { kind: 'raw'; request: SlackRequest<unknown> };

export type PostSignedOptions = SignedPostKind & {
  /** The bot's receiver endpoint, e.g. `http://127.0.0.1:3000/slack/events`. */
  url: string;
  /** The signing secret the bot verifies with. */
  secret: string;
  /** The fake Slack API: mints trigger ids and response URLs, shows what was clicked, and applies the ack. */
  slack?: FakeSlackApi;
  /** Signature timestamp in epoch seconds (default: now), to test stale requests. */
  timestampSeconds?: number;
  /** Sets `x-slack-retry-num` (and `x-slack-retry-reason: http_timeout`), as Slack's redeliveries do. */
  retryNum?: number;
  /** Epoch ms for the payload's own timestamps (default `Date.now()`). */
  now?: number;
};

/** The receiver's answer. */
export interface SignedPostResult {
  status: number;
  /** The raw response body (a slash command's or view submission's ack). */
  body: string;
  /** The body parsed as JSON when it is JSON. */
  json: unknown;
  /** What was sent. */
  payload: unknown;
  /** Time to the receiver's answer; Slack gives up after 3 s. */
  durationMs: number;
}

const CommandPayloadSchema = z.object({ response_url: z.string() });

function needSlack(options: PostSignedOptions): FakeSlackApi {
  if (options.slack === undefined) throw new TypeError(`postSignedToBot: kind ${options.kind} needs the fake Slack API (slack).`);
  return options.slack;
}

function buildRequest(options: PostSignedOptions): SlackRequest<unknown> {
  switch (options.kind) {
    case 'command':
      return slashCommandRequest(needSlack(options), options);
    case 'block_actions':
      return blockActionsRequest(needSlack(options), options);
    case 'view_submission':
      return viewSubmissionRequest(needSlack(options), options);
    case 'view_closed':
      return viewClosedRequest(needSlack(options), options);
    case 'app_home_opened':
      return appHomeOpenedRequest(needSlack(options), options);
    case 'event':
      return eventCallbackRequest(needSlack(options), options);
    case 'url_verification':
      return urlVerificationRequest(options);
    case 'raw':
      return options.request;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What Slack does with an ack: a command's text is shown to the user; a submission's response_action acts on the modal. */
function applyAck(options: PostSignedOptions, request: SlackRequest<unknown>, status: number, body: string, json: unknown): void {
  const slack = options.slack;
  if (slack === undefined || status !== 200) return;
  if (options.kind === 'view_submission') slack.applyViewSubmissionAck(options.viewId, json);
  else if (options.kind === 'view_closed') slack.closeView(options.viewId);
  else if (options.kind === 'command' && body !== '') {
    const command = CommandPayloadSchema.safeParse(request.payload);
    if (!command.success) return;
    const url = command.data.response_url;
    slack.respond(url.slice(url.lastIndexOf('/') + 1), typeof json === 'object' && json !== null ? json : { text: body });
  }
}

/**
 * Send a request to the bot's receiver as Slack would: built, signed, posted; then apply the ack to
 * the fake Slack API (a submitted modal closes or updates, a command's ack text reaches the user).
 * @example await postSignedToBot({ url: bot.eventsUrl, secret, slack, kind: 'command', user: 'U0CONSUMER', text: 'help' })
 */
export async function postSignedToBot(options: PostSignedOptions): Promise<SignedPostResult> {
  const request = buildRequest(options);
  const headers: Record<string, string> = {
    'content-type': request.contentType,
    ...signSlackRequest({ secret: options.secret, body: request.body, timestampSeconds: options.timestampSeconds, nowMs: options.now }),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const started = performance.now();
  const response = await fetch(options.url, { method: 'POST', headers, body: request.body });
  const body = await response.text();
  const durationMs = performance.now() - started;
  const json = parseJson(body);
  applyAck(options, request, response.status, body, json);
  return { status: response.status, body, json, payload: request.payload, durationMs };
}
