import type { HTTPReceiver } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { checkSlackRequest, MAX_SLACK_BODY_BYTES, SLACK_EVENTS_PATH } from '../../bot/edge/slack-request-check';
import { readBody } from '../http/read-body';

/** Options of the sandbox's Slack edge. */
export interface SlackHttpEdgeOptions {
  receiver: HTTPReceiver;
  signingSecret: string;
  logger: Logger;
  now?: () => number;
}

function answer(res: ServerResponse, status: number, reason: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(reason);
}

/**
 * The bot's HTTP edge on the sandbox's server: every request is judged by `checkSlackRequest` before
 * Bolt reads it (wrong path 404, wrong method 405, unsigned 401, malformed 400), and whatever Bolt
 * throws is a 500 in the log, never a crash. Bolt takes the already-read body (`rawBody`).
 */
export function createSlackHttpEdge(options: SlackHttpEdgeOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const now = options.now ?? Date.now;
  const log = options.logger.child({ component: 'slack-edge' });
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, reason: string, headers?: Record<string, string>): void => {
    // The method, path and reason only: headers carry the signature.
    log.warn({ method: req.method, path: req.url?.slice(0, 200), status, reason }, 'refused a request at the Slack edge');
    answer(res, status, reason, headers);
  };
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const method = req.method ?? 'GET';
    if (path !== SLACK_EVENTS_PATH || method.toUpperCase() !== 'POST') {
      const verdict = checkSlackRequest({ method, path, headers: {}, body: '' }, { signingSecret: options.signingSecret, nowMs: now() });
      req.resume();
      if (!verdict.ok) refuse(req, res, verdict.status, verdict.reason, verdict.headers);
      return;
    }
    void (async () => {
      const body = await readBody(req, MAX_SLACK_BODY_BYTES);
      if (body === undefined) {
        refuse(req, res, 413, 'the body is larger than any Slack request');
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
      const verdict = checkSlackRequest({ method, path, headers, body: body.toString('utf8') }, { signingSecret: options.signingSecret, nowMs: now() });
      if (!verdict.ok) {
        refuse(req, res, verdict.status, verdict.reason, verdict.headers);
        return;
      }
      // Bolt buffers the body itself unless it is already there.
      Object.assign(req, { rawBody: body });
      options.receiver.requestListener(req, res);
    })().catch((error: unknown) => {
      log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error), path }, 'the Slack edge failed on a request');
      answer(res, 500, 'the bot could not take this request');
    });
  };
}
