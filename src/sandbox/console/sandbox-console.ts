import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { postSignedToBot, type PostSignedOptions, type SignedPostResult } from '../slack/post-signed-to-bot';
import { createChangeFeed, type ChangeFeed } from './change-feed';
import { ActionBodySchema, CloseBodySchema, CommandBodySchema, HomeBodySchema, SubmitBodySchema } from './console-bodies';
import { readConsoleState, type ConsoleSandbox } from './console-state';
import { ConsoleRequestError, readJsonBody, sendJson, sendText } from './http-io';
import { buildPageAssets, type PageAssets } from './page-assets';
import { resetSandbox } from './reset-sandbox';
import { textInputActionRequest, textInputBlock } from './text-input-action';
import { ViewValuesError, viewStateValues } from './view-values';

/** What the console needs besides the sandbox: the secret the bot checks signatures with, and a logger. */
export interface SandboxConsoleOptions {
  signingSecret: string;
  logger: Logger;
}

/** The console page and its routes, served on the sandbox bot's server. */
export interface SandboxConsole {
  /** For `startSandboxBot({ extraRoutes })`: answers `/`, the page's files and `/_console/*`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Connect the console to the started sandbox (until then its routes answer 503). */
  attach(sandbox: ConsoleSandbox): void;
  /** End the page's event streams (before the sandbox closes). */
  close(): void;
}

/** One kind of signed request, without where it goes (the console knows). */
type BotRequest = PostSignedOptions extends infer O ? (O extends unknown ? Omit<O, 'url' | 'secret' | 'slack'> : never) : never;

/** What a console action answers: whether the bot accepted the signed request, and its ack. */
interface Delivery {
  botStatus: number;
  ack: string;
}

// The page's own script and style only: nothing rendered from Slack can run or load anything.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The console: `GET /` serves a page where a newcomer plays every persona of the sandbox, and
 * `/_console/*` turns what they do into the signed requests Slack would send the bot (commands,
 * clicks, modal submissions, App Home), and streams the Slack and mesh state back.
 * @example const console = createSandboxConsole({ signingSecret, logger }); const bot = await startSandboxBot({ …, extraRoutes: console.handle }); console.attach(bot);
 */
export function createSandboxConsole(options: SandboxConsoleOptions): SandboxConsole {
  const { logger } = options;
  let sandbox: ConsoleSandbox | undefined;
  let feed: ChangeFeed | undefined;
  let assets: Promise<PageAssets> | undefined;
  let resetting: Promise<void> | undefined;

  const loadAssets = (): Promise<PageAssets> => {
    assets ??= buildPageAssets().catch((error: unknown) => {
      assets = undefined;
      throw error;
    });
    return assets;
  };

  const need = (): { sandbox: ConsoleSandbox; feed: ChangeFeed } => {
    if (sandbox === undefined || feed === undefined) throw new ConsoleRequestError(503, 'The sandbox is still starting; try again in a moment.');
    return { sandbox, feed };
  };

  /** Sign and post a Slack request to the bot as Slack would, then push the new state to the pages. */
  const deliver = async (request: BotRequest): Promise<Delivery> => {
    const { sandbox: s, feed: f } = need();
    if (resetting !== undefined) throw new ConsoleRequestError(409, 'The sandbox is being reset; try again in a moment.');
    let result: SignedPostResult;
    try {
      result = await postSignedToBot({ ...request, url: s.eventsUrl, secret: options.signingSecret, slack: s.slack });
    } catch (error) {
      // The payload builders refuse what Slack could not send: an unknown person, message, view or element.
      if (error instanceof TypeError) throw new ConsoleRequestError(400, error.message);
      throw error;
    } finally {
      f.poke();
    }
    return { botStatus: result.status, ack: result.body.slice(0, 2000) };
  };

  const userMustExist = (userId: string): void => {
    if (need().sandbox.slack.world.users[userId] === undefined) throw new ConsoleRequestError(400, `No person ${userId} in the sandbox workspace.`);
  };

  const modalOf = (userId: string, viewId: string): { blocks: unknown[]; notifyOnClose: boolean } => {
    const open = need().sandbox.slack.views(userId).find((v) => v.view.id === viewId);
    if (open === undefined) throw new ConsoleRequestError(409, `${userId} has no open modal ${viewId} (it was closed or replaced).`);
    return { blocks: open.view.blocks, notifyOnClose: open.view.notify_on_close };
  };

  const stateValues = (blocks: unknown[], values: Parameters<typeof viewStateValues>[1]): ReturnType<typeof viewStateValues> => {
    try {
      return viewStateValues(blocks, values);
    } catch (error) {
      if (error instanceof ViewValuesError) throw new ConsoleRequestError(400, error.message);
      throw error;
    }
  };

  const post = async (path: string, req: IncomingMessage): Promise<unknown> => {
    switch (path) {
      case '/_console/command': {
        const body = await readJsonBody(req, CommandBodySchema);
        userMustExist(body.user);
        return deliver({ kind: 'command', user: body.user, text: body.text, ...(body.channel !== undefined && { channel: body.channel }) });
      }
      case '/_console/action': {
        const body = await readJsonBody(req, ActionBodySchema);
        userMustExist(body.user);
        const view = 'viewId' in body.on ? need().sandbox.slack.view(body.on.viewId) : undefined;
        if ('viewId' in body.on && view === undefined) throw new ConsoleRequestError(409, `No open view ${body.on.viewId} (it was closed or replaced).`);
        const values = view !== undefined && body.values !== undefined ? stateValues(view.blocks, body.values) : undefined;
        const textBlock = view === undefined ? undefined : textInputBlock(view, body.actionId);
        if (view !== undefined && textBlock !== undefined) {
          const request = textInputActionRequest(need().sandbox.slack, { user: body.user, view, blockId: textBlock, actionId: body.actionId, value: body.value ?? '', values: values ?? {}, nowMs: Date.now() });
          return deliver({ kind: 'raw', request });
        }
        return deliver({
          kind: 'block_actions',
          user: body.user,
          actionId: body.actionId,
          on: body.on,
          ...(body.value !== undefined && { value: body.value }),
          ...(body.selected !== undefined && { selected: body.selected }),
          ...(values !== undefined && { values }),
        });
      }
      case '/_console/submit': {
        const body = await readJsonBody(req, SubmitBodySchema);
        const modal = modalOf(body.user, body.viewId);
        return deliver({ kind: 'view_submission', user: body.user, viewId: body.viewId, values: stateValues(modal.blocks, body.values) });
      }
      case '/_console/close': {
        const body = await readJsonBody(req, CloseBodySchema);
        const modal = modalOf(body.user, body.viewId);
        // Slack tells the app only about modals opened with notify_on_close.
        if (modal.notifyOnClose) return deliver({ kind: 'view_closed', user: body.user, viewId: body.viewId });
        need().sandbox.slack.closeView(body.viewId);
        need().feed.poke();
        return { botStatus: 0, ack: '' };
      }
      case '/_console/home': {
        const body = await readJsonBody(req, HomeBodySchema);
        userMustExist(body.user);
        return deliver({ kind: 'app_home_opened', user: body.user });
      }
      case '/_console/reset': {
        const { sandbox: s, feed: f } = need();
        resetting ??= resetSandbox(s).finally(() => {
          resetting = undefined;
          f.poke();
        });
        await resetting;
        return f.current();
      }
      default:
        throw new ConsoleRequestError(404, `No console route POST ${path}.`);
    }
  };

  const get = async (path: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    switch (path) {
      case '/':
      case '/index.html':
        sendText(res, 'text/html; charset=utf-8', (await loadAssets()).html, { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' });
        return;
      case '/console.js':
        sendText(res, 'text/javascript; charset=utf-8', (await loadAssets()).script, { 'x-content-type-options': 'nosniff' });
        return;
      case '/console.css':
        sendText(res, 'text/css; charset=utf-8', (await loadAssets()).style, { 'x-content-type-options': 'nosniff' });
        return;
      case '/favicon.ico':
        res.writeHead(204).end();
        return;
      case '/_console/state':
        sendJson(res, 200, await need().feed.current());
        return;
      case '/_console/events':
        need().feed.subscribe(req, res);
        return;
      default:
        throw new ConsoleRequestError(404, `No console route GET ${path}.`);
    }
  };

  const isConsolePath = (path: string): boolean =>
    path === '/' || path === '/index.html' || path === '/console.js' || path === '/console.css' || path === '/favicon.ico' || path === '/_console' || path.startsWith('/_console/');

  return {
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!isConsolePath(path)) return false;
      const method = req.method ?? 'GET';
      const answer = method === 'GET' || method === 'HEAD' ? get(path, req, res) : method === 'POST' ? post(path, req).then((body) => { sendJson(res, 200, body); }) : Promise.reject(new ConsoleRequestError(405, `${method} is not allowed here.`));
      answer.catch((error: unknown) => {
        const known = error instanceof ConsoleRequestError;
        if (!known) logger.error({ err: error, path }, 'console request failed');
        if (res.headersSent) res.end();
        else sendJson(res, known ? error.status : 500, { error: known ? error.message : 'The console could not do that; the server log says why.' });
      });
      return true;
    },
    attach(started) {
      sandbox = started;
      feed = createChangeFeed({
        read: () => readConsoleState(started),
        fingerprint: async () =>
          [
            started.slack.callsRecorded(),
            started.slack.responses().length,
            // People added through /_sandbox/slack/users make no Web API call.
            Object.keys(started.slack.world.users).length,
            await started.aws.changeMark(),
            // The bot's own writes; another process's (npm run demo on an attached sandbox) come with AWS calls.
            started.storeWrites(),
          ].join(':'),
        logger,
      });
      // Bundle now, so the first page load does not wait for it.
      void loadAssets().catch((error: unknown) => {
        logger.error({ err: error }, 'console: the page could not be bundled');
      });
    },
    close() {
      feed?.close();
    },
  };
}
