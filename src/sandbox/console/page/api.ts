/// <reference lib="dom" />
import type { ConsoleState } from '../console-types';
import { field, obj } from './json';

/** What a console route answered: the bot's status for a delivered request, or the console's refusal. */
export interface RouteAnswer {
  ok: boolean;
  /** The console's own error sentence, when it refused. */
  error?: string;
  /** The bot receiver's HTTP status (200 when it acked). */
  botStatus?: number;
  data: unknown;
}

/** POST a JSON body to a console route. */
export async function postJson(path: string, body: unknown): Promise<RouteAnswer> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data: unknown = await response.json().catch(() => undefined);
    const botStatus = obj(data)?.botStatus;
    if (!response.ok) return { ok: false, error: field(data, 'error') ?? `The console answered ${response.status}.`, data };
    return { ok: true, ...(typeof botStatus === 'number' && { botStatus }), data };
  } catch {
    return { ok: false, error: 'The sandbox does not answer. Is `npm start` still running?', data: undefined };
  }
}

const isState = (value: unknown): value is ConsoleState => typeof obj(value)?.version === 'number' && obj(value)?.slack !== undefined && obj(value)?.mesh !== undefined;

/**
 * Follow the sandbox's state: server-sent events, and short polling while the stream is down
 * (a restart, a proxy that buffers). `onState` gets every new version once.
 */
export function followState(onState: (state: ConsoleState) => void, onLive: (live: boolean) => void): void {
  let version = -1;
  let poller: number | undefined;
  const accept = (value: unknown): void => {
    if (!isState(value) || value.version === version) return;
    version = value.version;
    onState(value);
  };
  const poll = async (): Promise<void> => {
    try {
      const response = await fetch('/_console/state', { cache: 'no-store' });
      if (response.ok) accept(await response.json());
    } catch {
      // Still down; the next tick tries again.
    }
  };
  const startPolling = (): void => {
    onLive(false);
    poller ??= window.setInterval(() => void poll(), 1000);
    void poll();
  };
  if (typeof EventSource === 'undefined') {
    startPolling();
    return;
  }
  const events = new EventSource('/_console/events');
  events.addEventListener('state', (event) => {
    window.clearInterval(poller);
    poller = undefined;
    onLive(true);
    try {
      accept(JSON.parse((event as MessageEvent<string>).data));
    } catch {
      // A truncated event; the next one carries the whole state again.
    }
  });
  events.addEventListener('error', startPolling);
}
