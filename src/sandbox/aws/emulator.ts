import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { createSeedWorld } from '../seed/create-seed-world';
import { settleShares } from './access/share-association';
import { createClock, type EmulatorClock } from './clock';
import { createCallLog } from './controls/call-log';
import { accountKeys, redactedState, type EmulatorControls } from './controls/emulator-controls';
import { createFaultRegistry } from './controls/fault-registry';
import { handleSandboxRequest } from './controls/sandbox-routes';
import { createWorldWriter, loadWorldFile, type WorldWriter } from './controls/world-file';
import { glueOperations } from './glue/operations';
import { handleAwsCall } from './handle-aws-call';
import { iamApiOperations } from './iam-api/operations';
import { kmsOperations } from './kms/operations';
import { lakeFormationOperations } from './lakeformation/operations';
import type { ServiceOperations } from './operation';
import { ramOperations } from './ram/operations';
import { s3Operations } from './s3/operations';
import type { ServiceName } from './service-name';
import { stsOperations } from './sts/operations';
import { RamAssociationDelaySchema, WorldSchema, type World } from './world';
import { detectService } from './wire/detect-service';
import type { WireRequest } from './wire/wire-request';
import type { WireResponse } from './wire/wire-response';

// Sources: the wiring only; each service's rules cite their pages in its folder (Glue, IAM, KMS, Lake
// Formation, RAM, S3, STS API References).

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Starting world (default: the sandbox seed). `POST /_sandbox/reset` returns to it. */
  world?: World;
  /** Base clock in epoch ms (default `Date.now`); the emulator adds the world's clock offset. */
  clock?: () => number;
  /** Load the world from this file when it exists, and write it back after every change. */
  persistFile?: string;
  logger?: Logger;
  /** Operations added to (or replacing) the built-in ones, by service — for tests of the core. */
  operations?: Partial<Record<ServiceName, ServiceOperations>>;
  /**
   * How long RAM takes to associate a shared resource, in ms on the emulator clock (default: the
   * world's, `RAM_ASSOCIATION_DELAY_MS` in the seed). Applies to the starting world and a persisted
   * one; 0 shares at once, for tests that are not about RAM timing.
   */
  ramAssociationDelayMs?: number;
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:<port>`: the `endpoint` of every SDK client. */
  endpoint: string;
  port: number;
  /** The live world (mutated in place by calls and by reset). */
  world: World;
  controls: EmulatorControls;
  close(): Promise<void>;
}

// Large enough for any Glue/LF batch; bigger bodies are refused rather than buffered.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

function toWireRequest(req: IncomingMessage, body: Buffer): WireRequest {
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const query: WireRequest['query'] = {};
  for (const [key, value] of new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1))) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', path: queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart), query, headers, body };
}

function send(res: ServerResponse, response: WireResponse, requestId?: string): void {
  const headers = { ...response.headers };
  if (requestId !== undefined && headers['x-amzn-requestid'] === undefined) headers['x-amzn-requestid'] = requestId;
  res.writeHead(response.status, { ...headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}

/** Replace the contents of the live world in place, so every holder of the object sees the new state. */
function replaceWorld(world: World, next: World): void {
  for (const key of Object.keys(world) as (keyof World)[]) Reflect.deleteProperty(world, key);
  Object.assign(world, next);
}

/**
 * Start the multi-account AWS emulator (Glue, IAM, KMS, Lake Formation, RAM, S3, STS on their real wire protocols,
 * plus `/_sandbox/` controls) on one HTTP server.
 * @example const emu = await startEmulator(); new GlueClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials })
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const baseClock = options.clock ?? Date.now;
  const initial = options.world ? WorldSchema.parse(options.world) : createSeedWorld({ now: baseClock() });
  const world = (options.persistFile !== undefined ? loadWorldFile(options.persistFile) : undefined) ?? structuredClone(initial);
  if (options.ramAssociationDelayMs !== undefined) {
    const delay = RamAssociationDelaySchema.parse(options.ramAssociationDelayMs);
    initial.ramAssociationDelayMs = delay;
    world.ramAssociationDelayMs = delay;
  }
  const clock = createClock(world, baseClock);
  const faults = createFaultRegistry();
  const calls = createCallLog();
  const writer: WorldWriter | undefined =
    options.persistFile === undefined
      ? undefined
      : createWorldWriter(options.persistFile, world, (error: unknown) => {
          logger.error({ err: error, file: options.persistFile }, 'could not write the sandbox state file');
        });
  const persist = (): void => writer?.schedule();
  // RAM's asynchronous work catches up whenever the world is read or the clock moves, not only on calls.
  const settle = (): void => {
    if (settleShares(world, clock.now())) persist();
  };
  const operations: Record<ServiceName, ServiceOperations> = {
    glue: { ...glueOperations, ...options.operations?.glue },
    iam: { ...iamApiOperations, ...options.operations?.iam },
    kms: { ...kmsOperations, ...options.operations?.kms },
    lakeformation: { ...lakeFormationOperations, ...options.operations?.lakeformation },
    ram: { ...ramOperations, ...options.operations?.ram },
    s3: { ...s3Operations, ...options.operations?.s3 },
    sts: { ...stsOperations, ...options.operations?.sts },
  };
  const controlledClock: EmulatorClock = {
    now: () => clock.now(),
    advance: (seconds) => {
      clock.advance(seconds);
      settle();
      persist();
    },
  };
  const controls: EmulatorControls = {
    accounts: () => accountKeys(world),
    faults,
    calls,
    clock: controlledClock,
    state: () => {
      settle();
      return redactedState(world);
    },
    // For the sandbox's change polling (`/_sandbox/changes`), not an AWS behaviour.
    worldSequence: () => {
      settle();
      return world.sequence;
    },
    ramAssociationDelay: {
      get: () => world.ramAssociationDelayMs,
      set: (ms) => {
        world.ramAssociationDelayMs = RamAssociationDelaySchema.parse(ms);
        persist();
      },
    },
    reset: () => {
      replaceWorld(world, structuredClone(initial));
      faults.clear();
      calls.clear();
      persist();
    },
    flush: () => writer?.flush() ?? Promise.resolve(),
  };
  const deps = { world, clock, operations, faults, calls, logger, afterCall: persist };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === undefined) {
        send(res, { status: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Request body too large.' }) });
        return;
      }
      const wire = toWireRequest(req, body);
      if (wire.path === '/_sandbox' || wire.path.startsWith('/_sandbox/')) {
        send(res, handleSandboxRequest(wire, controls));
        return;
      }
      const service = detectService(wire);
      if (!service) {
        const message = 'Not an emulated AWS request: sign it for glue, iam, kms, lakeformation, ram, s3 or sts, or see /_sandbox/.';
        send(res, { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
        return;
      }
      send(res, await handleAwsCall(service, wire, deps));
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) send(res, { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Internal error.' }) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  logger.info({ port, host, persistFile: options.persistFile }, 'sandbox AWS emulator listening');
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    world,
    controls,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      await controls.flush();
    },
  };
}
