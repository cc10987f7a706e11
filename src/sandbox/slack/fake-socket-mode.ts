import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import * as z from 'zod';
import { SANDBOX_APP } from './slack-world';

/** The envelope types Socket Mode delivers (Slack: "Using Socket Mode"). */
export type SocketEnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** Slack's Socket Mode end of the WebSocket, on 127.0.0.1: what `apps.connections.open` points an app at. */
export interface FakeSocketMode {
  /** A one-time `ws://127.0.0.1:<port>/link/?ticket=…&app_id=…`, as `apps.connections.open` answers. */
  connectionUrl(): string;
  /** Resolves once an app has connected and been greeted (`hello`). */
  connected(): Promise<void>;
  /** Deliver a payload in an envelope; resolves with the app's acknowledgement (`{ envelope_id, payload? }`). */
  send(type: SocketEnvelopeType, payload: unknown): Promise<{ envelope_id: string; payload?: unknown }>;
  close(): Promise<void>;
}

const AckSchema = z.object({ envelope_id: z.string(), payload: z.unknown().optional() });

/**
 * Start the Socket Mode stand-in. Per Slack's Socket Mode guide: the app connects to the URL it got
 * from `apps.connections.open` (tickets are single-use here; the guide says the URL is temporary),
 * receives `hello`, then envelopes `{ envelope_id, type, payload, accepts_response_payload }`, and
 * acknowledges each by sending back its `envelope_id` (with a response payload where accepted).
 */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const tickets = new Set<string>();
  const waiting = new Map<string, (ack: { envelope_id: string; payload?: unknown }) => void>();
  let app: WebSocket | undefined;
  let greeted: () => void = () => undefined;
  let hello = new Promise<void>((resolve) => {
    greeted = resolve;
  });

  server.on('connection', (socket, request) => {
    const ticket = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams.get('ticket') ?? '';
    if (!tickets.delete(ticket)) {
      socket.close(4001, 'unknown or used ticket: call apps.connections.open for a new URL');
      return;
    }
    app = socket;
    socket.on('message', (data: Buffer) => {
      const ack = AckSchema.safeParse(JSON.parse(data.toString('utf8')));
      if (!ack.success) return;
      waiting.get(ack.data.envelope_id)?.(ack.data);
      waiting.delete(ack.data.envelope_id);
    });
    socket.on('close', () => {
      if (app === socket) {
        app = undefined;
        hello = new Promise<void>((resolve) => {
          greeted = resolve;
        });
      }
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: SANDBOX_APP.appId }, debug_info: { host: 'sandbox-applink', approximate_connection_time: 18060 } }));
    greeted();
  });

  return {
    connectionUrl() {
      const ticket = randomUUID();
      tickets.add(ticket);
      return `ws://127.0.0.1:${String(port)}/link/?ticket=${ticket}&app_id=${SANDBOX_APP.appId}`;
    },
    connected: () => hello,
    send(type, payload) {
      const socket = app;
      if (socket === undefined) return Promise.reject(new Error('No app is connected over Socket Mode.'));
      const envelopeId = randomUUID();
      const acked = new Promise<{ envelope_id: string; payload?: unknown }>((resolve) => {
        waiting.set(envelopeId, resolve);
      });
      socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
      return acked;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => {
          resolve();
        });
      }),
  };
}
