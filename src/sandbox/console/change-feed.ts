import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ConsoleState } from './console-types';

/** How the feed reads the sandbox: the state itself, and a cheap fingerprint that changes whenever it may have. */
export interface ChangeFeedOptions {
  read: () => Promise<Omit<ConsoleState, 'version'>>;
  /** Compared every `intervalMs` while a page listens; a new value rebuilds the state. */
  fingerprint: () => Promise<string>;
  intervalMs?: number;
  logger: Logger;
}

/** Server-sent events of the console's state, pushed whenever the sandbox changed. */
export interface ChangeFeed {
  /** Answer `GET /_console/events`: the state now, then every change, as `state` events. */
  subscribe(req: IncomingMessage, res: ServerResponse): void;
  /** The state, read now (and pushed to the listeners if it changed). */
  current(): Promise<ConsoleState>;
  /** Something changed that the fingerprint may not show (a console action, a reset): read and push now. */
  poke(): void;
  /** Pages listening now. */
  listeners(): number;
  /** End every stream and stop watching. */
  close(): void;
}

const KEEPALIVE_MS = 15_000;

/**
 * The console's change feed. A fingerprint of the sandbox (calls recorded by the fake Slack API and
 * the AWS emulator, DynamoDB writes) is checked every 100 ms while a page listens; a change rebuilds
 * the state, and only a state that differs from the last one is pushed, so pages re-render only when
 * there is something new.
 */
export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const intervalMs = options.intervalMs ?? 100;
  const clients = new Set<ServerResponse>();
  let version = 0;
  let lastBody = '';
  let lastState: ConsoleState | undefined;
  let lastFingerprint = '';
  let running: Promise<ConsoleState> | undefined;
  let again = false;
  let ticker: NodeJS.Timeout | undefined;
  let keepalive: NodeJS.Timeout | undefined;

  const send = (res: ServerResponse, state: ConsoleState): void => {
    res.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
  };

  const readOnce = async (): Promise<ConsoleState> => {
    const next = await options.read();
    const body = JSON.stringify(next);
    if (body !== lastBody || lastState === undefined) {
      version += 1;
      lastBody = body;
      lastState = { version, ...next };
      for (const res of clients) send(res, lastState);
    }
    return lastState;
  };

  // One read at a time; a change noticed during a read triggers exactly one more.
  const refresh = (): Promise<ConsoleState> => {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = readOnce()
      .catch((error: unknown) => {
        options.logger.warn({ err: error }, 'console: could not read the sandbox state');
        if (lastState === undefined) throw error;
        return lastState;
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void refresh().catch(() => undefined);
        }
      });
    return running;
  };

  // One look at a time: a slow fingerprint (a remote sandbox) skips ticks rather than piling them up.
  let checking = false;
  const check = (): void => {
    if (checking) return;
    checking = true;
    options
      .fingerprint()
      .then((fingerprint) => {
        if (fingerprint === lastFingerprint) return;
        lastFingerprint = fingerprint;
        void refresh().catch(() => undefined);
      })
      .catch((error: unknown) => {
        options.logger.warn({ err: error }, 'console: could not tell whether the sandbox changed');
      })
      .finally(() => {
        checking = false;
      });
  };

  const startWatching = (): void => {
    ticker ??= setInterval(check, intervalMs).unref();
    keepalive ??= setInterval(() => {
      for (const res of clients) res.write(': keepalive\n\n');
    }, KEEPALIVE_MS).unref();
  };

  const stopWatching = (): void => {
    clearInterval(ticker);
    clearInterval(keepalive);
    ticker = undefined;
    keepalive = undefined;
  };

  return {
    subscribe(req, res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' });
      // Reconnect quickly after a restart of the sandbox.
      res.write('retry: 1000\n\n');
      clients.add(res);
      startWatching();
      req.on('close', () => {
        clients.delete(res);
        if (clients.size === 0) stopWatching();
      });
      void refresh()
        .then((state) => {
          if (clients.has(res)) send(res, state);
        })
        .catch(() => undefined);
    },
    current: refresh,
    poke() {
      // Forget the fingerprint: the next look reads again too, and this read goes now.
      lastFingerprint = '';
      void refresh().catch(() => undefined);
    },
    listeners: () => clients.size,
    close() {
      stopWatching();
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
