import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import * as z from 'zod';
import { checkView } from './block-kit-limits';
import { chatMethods } from './chat-methods';
import { directoryMethods } from './directory-methods';
import { postToResponseUrl, type ResponseAnswer } from './response-urls';
import { handleSlackControl } from './sandbox-slack-routes';
import { createSlackCallLog, type SlackCallFilter, type SlackCallRecord } from './slack-call-log';
import { createSlackFaults, type SlackFaults } from './slack-faults';
import {
  createSlackState,
  mintResponseId,
  mintTrigger,
  type OpenView,
  type RecordedResponse,
  type ResponseTarget,
  type SlackEphemeral,
  type SlackMessage,
  type SlackState,
  type SlackView,
} from './slack-state';
import { addSlackUser, createSlackWorld, dmChannelId, SANDBOX_BOT_TOKEN, type SlackUser, type SlackUserInput, type SlackWorld } from './slack-world';
import { viewsMethods, closeModal, closeModalStack, pushModal, replaceModal } from './views-methods';
import { decodeArguments, fail, type ApiResult, type MethodContext, type MethodHandler } from './web-api-method';

export interface FakeSlackApiOptions {
  /** The workspace (default: the sandbox seed); `reset()` returns to it. */
  world?: SlackWorld;
  /** Epoch ms (default `Date.now`): message timestamps, trigger expiry, response URL expiry. */
  clock?: () => number;
  /** Bot tokens accepted (default: the sandbox bot token). */
  tokens?: readonly string[];
  /**
   * Socket Mode: the app-level tokens (`xapp-…`) `apps.connections.open` accepts, and the WebSocket
   * URL it answers with (a `FakeSocketMode`'s `connectionUrl`). Unset: the app has Socket Mode off.
   */
  socketMode?: { appTokens: readonly string[]; connectionUrl: () => string };
  /** Path prefix when mounted on another server, e.g. `/slack` → `/slack/api/chat.postMessage`. */
  prefix?: string;
  /** Origin the server is reached at (`http://127.0.0.1:3000`), for the response URLs it mints. */
  publicUrl?: string | (() => string);
  logger?: Logger;
}

/** What `GET /_sandbox/slack/state` shows. */
export interface SlackStateSnapshot {
  team: SlackWorld['team'];
  users: SlackUser[];
  channels: SlackWorld['channels'];
  usergroups: SlackWorld['usergroups'];
  messages: Record<string, SlackMessage[]>;
  ephemerals: SlackEphemeral[];
  views: OpenView[];
  homes: Record<string, SlackView>;
  responses: RecordedResponse[];
}

/** The fake Slack Web API: an HTTP handler plus programmatic access to what it recorded. */
export interface FakeSlackApi {
  /** The live workspace (changed in place by calls, `addUser` and `reset`). */
  readonly world: SlackWorld;
  /** Answer a request under the prefix (`/api/<method>`, `/_sandbox/slack/*`); `false`, untouched, for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Recorded Web API calls, oldest first. */
  calls(filter?: SlackCallFilter): SlackCallRecord[];
  /** How many Web API calls were ever made (a cheap way to notice a new one). */
  callsRecorded(): number;
  /** Forget recorded calls (state is kept). */
  clear(): void;
  /** Messages of a channel (id, `#name`, or a user id for the bot's DM with them), oldest first. */
  messages(channel: string): SlackMessage[];
  /** Ephemeral messages shown to a user, optionally in one channel. */
  ephemerals(user: string, channel?: string): SlackEphemeral[];
  /** A user's published App Home. */
  home(user: string): SlackView | undefined;
  /** Open modals, optionally of one user (root first). */
  views(user?: string): OpenView[];
  /** Posts to minted response URLs. */
  responses(): RecordedResponse[];
  message(channel: string, ts: string): SlackMessage | undefined;
  /** An open modal or a published home, by view id. */
  view(viewId: string): SlackView | undefined;
  /** Add (or replace) a person; a new one joins the public channels. */
  addUser(input: SlackUserInput): SlackUser;
  /** A trigger id for a user's interaction, exchangeable once within 3 s. */
  mintTriggerId(user: string): string;
  /** A response URL for an interaction (Bolt's `respond()` posts to it). */
  mintResponseUrl(target: ResponseTarget): string;
  /** Apply a post to a response URL by its id, without HTTP. */
  respond(id: string, body: unknown): ResponseAnswer;
  /** Apply the app's ack of a `view_submission` (empty, or a `response_action`), as Slack does with the modal. */
  applyViewSubmissionAck(viewId: string, ack: unknown): void;
  /** Close a modal as the user's ✕ would. */
  closeView(viewId: string): void;
  faults: SlackFaults;
  state(): SlackStateSnapshot;
  /** Back to the seeded workspace; state, calls and faults cleared. */
  reset(): void;
}

// Views are at most 250 kB and messages 40k characters; anything larger is refused unread.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const METHODS: Record<string, MethodHandler> = { ...chatMethods, ...directoryMethods, ...viewsMethods };

/** Body of the app's ack to a view_submission (Bolt answers it as JSON, or an empty body). */
const ViewAckSchema = z.union([
  z.object({ response_action: z.literal('update'), view: z.unknown() }),
  z.object({ response_action: z.literal('push'), view: z.unknown() }),
  z.object({ response_action: z.literal('clear') }),
  z.object({ response_action: z.literal('errors'), errors: z.record(z.string(), z.string()) }),
]);

/** Parse a Web API request body: form-urlencoded or JSON; `undefined` when it is neither. */
function parseArguments(contentType: string, body: Buffer, query: URLSearchParams): Record<string, unknown> | undefined {
  const args: Record<string, unknown> = Object.fromEntries(query);
  if (body.length === 0) return args;
  const text = body.toString('utf8');
  if (contentType.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...args, ...(parsed as Record<string, unknown>) } : undefined;
    } catch {
      return undefined;
    }
  }
  if (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded')) return { ...args, ...Object.fromEntries(new URLSearchParams(text)) };
  return undefined;
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function replaceContents<T extends object>(target: T, next: T): void {
  for (const key of Object.keys(target) as (keyof T)[]) Reflect.deleteProperty(target, key);
  Object.assign(target, next);
}

const APPS_CONNECTIONS_OPEN = 'apps.connections.open';

/**
 * Create the fake Slack Web API (no socket): mount `handle` on a node:http server, or use
 * `startFakeSlackApi` to run it alone. The bot's WebClient reaches it through `slackApiUrl`.
 * @example const slack = createFakeSlackApi({ prefix: '/slack', publicUrl: 'http://127.0.0.1:3000' }); server.on('request', (q, s) => slack.handle(q, s) || next(q, s));
 */
export function createFakeSlackApi(options: FakeSlackApiOptions = {}): FakeSlackApi {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? pino({ level: 'silent' });
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const tokens = new Set(options.tokens ?? [SANDBOX_BOT_TOKEN]);
  const initial = structuredClone(options.world ?? createSlackWorld({ now: clock() }));
  const world = structuredClone(initial);
  const state: SlackState = createSlackState();
  const log = createSlackCallLog();
  const faults = createSlackFaults();
  const ctx: MethodContext = { world, state, now: clock };
  const appTokens = new Set(options.socketMode?.appTokens ?? []);

  /** apps.connections.open takes only an app-level token, in the Authorization header (Slack's method reference). */
  const connectionsOpen = (token: string | undefined): ApiResult => {
    if (token === undefined || token === '') return fail('not_authed');
    if (tokens.has(token)) return fail('not_allowed_token_type');
    if (!appTokens.has(token) || options.socketMode === undefined) return fail('invalid_auth');
    return { ok: true, url: options.socketMode.connectionUrl() };
  };

  const origin = (): string => {
    const url = typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl;
    if (url === undefined) throw new TypeError('The fake Slack API needs publicUrl to mint response URLs.');
    return url.replace(/\/+$/, '');
  };

  /** Run one Web API call: fault, auth, method; recorded whatever the outcome. */
  const runMethod = (method: string, rawArgs: Record<string, unknown>, token: string | undefined): { result: ApiResult; retryAfter?: number } => {
    const args = decodeArguments(rawArgs);
    const handler = METHODS[method];
    let result: ApiResult;
    let retryAfter: number | undefined;
    if (method === APPS_CONNECTIONS_OPEN) result = connectionsOpen(token);
    else if (handler === undefined) result = fail('unknown_method');
    else if (token === undefined || token === '') result = fail('not_authed');
    // An app-level token opens Socket Mode connections and nothing else (Slack: token types).
    else if (appTokens.has(token)) result = fail('not_allowed_token_type');
    else if (!tokens.has(token)) result = fail('invalid_auth');
    else {
      const fault = faults.take(method);
      if (fault?.error === 'ratelimited') retryAfter = fault.retryAfter;
      result = fault === undefined ? handler(args, ctx) : fail(fault.error);
    }
    const { token: _token, ...recordedArgs } = args;
    log.record({ at: new Date(clock()).toISOString(), method, args: recordedArgs, ok: result.ok, error: result.ok ? null : result.error });
    logger.debug({ method, ok: result.ok, error: result.ok ? undefined : result.error }, 'slack api call');
    return retryAfter === undefined ? { result } : { result, retryAfter };
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const channelIdOf = (channel: string): string => {
    if (world.channels[channel] !== undefined) return channel;
    if (/^[UW][A-Z0-9]+$/.test(channel)) return dmChannelId(channel);
    const name = channel.replace(/^#/, '');
    return Object.values(world.channels).find((c) => c.name === name)?.id ?? channel;
  };

  const api: FakeSlackApi = {
    world,
    handle(req, res) {
      const rawUrl = req.url ?? '/';
      const url = new URL(rawUrl, 'http://localhost');
      if (prefix !== '' && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return false;
      const path = url.pathname.slice(prefix.length);
      const apiMethod = /^\/api\/([\w.]+)$/.exec(path)?.[1];
      if (apiMethod === undefined && path !== '/_sandbox/slack' && !path.startsWith('/_sandbox/slack/')) return false;
      void (async () => {
        const body = await readBody(req, MAX_BODY_BYTES);
        if (body === undefined) {
          sendJson(res, 413, { ok: false, error: 'request_too_large' });
          return;
        }
        if (apiMethod !== undefined) {
          const args = parseArguments(req.headers['content-type'] ?? '', body, url.searchParams);
          if (args === undefined) {
            sendJson(res, 200, { ok: false, error: 'invalid_form_data' });
            return;
          }
          const token = bearer(req) ?? (typeof args.token === 'string' ? args.token : undefined);
          const { result, retryAfter } = runMethod(apiMethod, args, token);
          if (retryAfter !== undefined) sendJson(res, 429, result, { 'retry-after': String(retryAfter) });
          else sendJson(res, 200, result);
          return;
        }
        const answer = handleSlackControl({ method: req.method ?? 'GET', path, query: url.searchParams, body }, api);
        sendJson(res, answer.status, answer.body);
      })().catch((error: unknown) => {
        logger.error({ err: error }, 'fake Slack API request failed');
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fatal_error' });
        else res.end();
      });
      return true;
    },
    calls: (filter) => log.list(filter),
    callsRecorded: () => log.recorded(),
    clear: () => {
      log.clear();
    },
    // Readers get copies: what a test holds must not change under it when the bot edits a message.
    messages: (channel) => structuredClone(state.messages[channelIdOf(channel)] ?? []),
    ephemerals: (user, channel) => structuredClone(state.ephemerals.filter((e) => e.user === user && (channel === undefined || e.channel === channelIdOf(channel)))),
    home: (user) => structuredClone(state.homes[user]),
    views: (user) =>
      structuredClone(
        Object.entries(state.stacks)
          .filter(([owner]) => user === undefined || owner === user)
          .flatMap(([, ids]) => ids.map((id) => state.views[id]).filter((v): v is OpenView => v !== undefined)),
      ),
    responses: () => structuredClone(state.responses),
    message: (channel, ts) => structuredClone(state.messages[channelIdOf(channel)]?.find((m) => m.ts === ts)),
    view: (viewId) => structuredClone(state.views[viewId]?.view ?? Object.values(state.homes).find((v) => v.id === viewId)),
    addUser: (input) => addSlackUser(world, input),
    mintTriggerId: (user) => mintTrigger(state, user, clock()),
    mintResponseUrl: (target) => `${origin()}${prefix}/_sandbox/slack/respond/${mintResponseId(state, target, clock())}`,
    respond: (id, body) => {
      // A fault's method `response_url` stands for posts to response URLs, `response_url.replace` for those replacing the original.
      // Sources: the fault control is a test device with no Slack page; what it stands for is a response URL Slack no longer
      // accepts (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses: 5 uses within 30 minutes).
      const replacing = typeof body === 'object' && body !== null && (body as { replace_original?: unknown }).replace_original === true;
      // Only faults armed for them by name: a fault for "any method" means Web API methods, as before.
      const armed = (method: string): boolean => faults.list().some((f) => f.method === method);
      const fault = (replacing && armed('response_url.replace') ? faults.take('response_url.replace') : undefined) ?? (armed('response_url') ? faults.take('response_url') : undefined);
      return fault === undefined ? postToResponseUrl(ctx, id, body) : { status: 404, body: { ok: false, error: fault.error } };
    },
    applyViewSubmissionAck(viewId, ack) {
      const open = state.views[viewId];
      if (open === undefined) return;
      const parsed = ViewAckSchema.safeParse(ack);
      if (!parsed.success) {
        // An empty (or unrecognised) ack closes the submitted view, as Slack does.
        closeModal(state, viewId);
        return;
      }
      const action = parsed.data;
      if (action.response_action === 'clear') closeModalStack(state, open.user);
      else if (action.response_action === 'errors') open.errors = action.errors;
      else {
        const checked = checkView(action.view);
        if (!checked.ok) {
          open.errors = { '': checked.messages.join('; ') };
          return;
        }
        if (action.response_action === 'update') replaceModal(ctx, viewId, checked.view);
        else pushModal(ctx, open.user, checked.view);
      }
    },
    closeView: (viewId) => {
      closeModal(state, viewId);
    },
    faults,
    state: () =>
      structuredClone({
        team: world.team,
        users: Object.values(world.users),
        channels: world.channels,
        usergroups: world.usergroups,
        messages: state.messages,
        ephemerals: state.ephemerals,
        views: api.views(),
        homes: state.homes,
        responses: state.responses,
      }),
    reset() {
      replaceContents(world, structuredClone(initial));
      replaceContents(state, createSlackState());
      log.clear();
      faults.clear();
    },
  };
  return api;
}

/** A fake Slack Web API on its own HTTP server. */
export interface RunningFakeSlackApi extends FakeSlackApi {
  /** `http://127.0.0.1:<port>` (+ prefix). */
  url: string;
  /** What Bolt's `clientOptions.slackApiUrl` (or `new WebClient(token, { slackApiUrl })`) takes: `<url>/api/`. */
  apiUrl: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Start the fake Slack Web API alone on 127.0.0.1 (port 0: a free one). Close it when done.
 * @example const slack = await startFakeSlackApi(); new App({ token: SANDBOX_BOT_TOKEN, clientOptions: { slackApiUrl: slack.apiUrl }, … })
 */
export async function startFakeSlackApi(options: Omit<FakeSlackApiOptions, 'publicUrl'> & { port?: number; host?: string } = {}): Promise<RunningFakeSlackApi> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const api = createFakeSlackApi({ ...options, publicUrl: () => origin });
  const server = createServer((req, res) => {
    if (!api.handle(req, res)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'not_found', hint: 'POST /api/<method>, or see /_sandbox/slack/' }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  return {
    ...api,
    url: `${origin}${prefix}`,
    apiUrl: `${origin}${prefix}/api/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
