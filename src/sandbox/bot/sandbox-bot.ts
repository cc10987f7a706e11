import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import { HTTPReceiver, webApi, type App } from '@slack/bolt';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import type { MeshInspection } from '../../mesh/service/mesh-inspection';
import { wireMesh } from '../../mesh/service/wire-mesh';
import { startEmulator, type Emulator } from '../aws/emulator';
import { localSandboxAws, remoteSandboxAws, type SandboxAws } from '../aws/controls/sandbox-aws';
import { checkSandboxTables } from '../dynamo/check-sandbox-tables';
import { startSandboxDynamo, type SandboxDynamo } from '../dynamo/start-sandbox-dynamo';
import { SANDBOX_ACCOUNTS, SANDBOX_BOT_SESSION, SANDBOX_REGION } from '../seed/sandbox-accounts';
import { SANDBOX_PEOPLE, seedMeshPeople } from '../seed/seed-mesh';
import { createFakeSlackApi, type FakeSlackApi } from '../slack/fake-slack-api';
import { SANDBOX_BOT_TOKEN, SANDBOX_CHANNELS } from '../slack/slack-world';
import { createSlackHttpEdge } from './slack-http-edge';
import { deliveryProperties } from '../../bot/edge/delivery';
import type { BotDeps } from '../../bot/bot-deps';
import type { BotJob } from '../../bot/bot-job';
import { createBotApp } from '../../bot/create-bot-app';
import { createInFlight } from '../../bot/in-flight';
import { createInProcessQueue, type InProcessQueue } from '../../bot/jobs/queue/in-process-queue';
import { runBotJob } from '../../bot/jobs/run-bot-job';
import { scheduleSweeps } from '../../bot/jobs/queue/schedule-sweeps';

/** Where the sandbox bot listens and with which secret it checks Slack's signatures. */
export interface SandboxBotOptions {
  /** The bot's server: `/slack/events`, the fake Slack Web API (`/api/…`) and `/_sandbox/slack/…`. 0 = any free port. */
  port: number;
  /** The AWS emulator and dynalite: given ports, or 0 for free ones. */
  awsPort: number;
  dynamoPort: number;
  signingSecret: string;
  logger: Logger;
  /** Keep the AWS world and DynamoDB in this folder across restarts (Slack's side stays in memory); unset: all in memory. */
  stateDir?: string;
  /** Routes served beside the bot on the same server (the console page); return false when not theirs. */
  extraRoutes?: (req: Parameters<FakeSlackApi['handle']>[0], res: Parameters<FakeSlackApi['handle']>[1]) => boolean;
  /** RAM's association delay in the emulator (`EmulatorOptions.ramAssociationDelayMs`); unset keeps the world's (2 s in the seed). */
  ramAssociationDelayMs?: number;
}

/** The bot on the sandbox, as the console sees it: wherever the AWS emulator and DynamoDB run. */
export interface SandboxBotView {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  eventsUrl: string;
  /** The AWS emulator: in this process, or the running sandbox this bot attached to. */
  aws: SandboxAws;
  /** Meshbot's DynamoDB tables. */
  store: { endpoint: string; tablePrefix: string };
  /** How many writes the bot has sent to DynamoDB so far (to notice changes cheaply). */
  storeWrites(): number;
  /** Every DynamoDB command the bot has sent so far, counted by command name (`GetItemCommand`: 12). */
  storeCalls(): Record<string, number>;
  slack: FakeSlackApi;
  app: App;
  deps: BotDeps;
  /** The mesh's records, read-only, as an operator sees them (the console's mesh view; tests). */
  inspect: MeshInspection;
  /** The in-process job queue: `jobs.idle()` waits for grants and other jobs to finish. */
  jobs: InProcessQueue<BotJob>;
  /** Resolves once every listener (follow-up included) and every job it queued has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The whole sandbox in this process: the bot and every local stand-in it talks to. */
export interface SandboxBot extends SandboxBotView {
  emulator: Emulator;
  dynamo: SandboxDynamo;
}

const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Where the sandbox's stand-ins for AWS and Slack are, for a bot served on them. */
export interface StandIns {
  awsEndpoint: string;
  dynamoEndpoint: string;
  tablePrefix: string;
  /** The fake Slack Web API (`http://127.0.0.1:<port>/api/`): a function, as it may be on the bot's own server, known once it listens. */
  slackApiUrl: () => string;
}

/** The bot served on stand-ins: its server, app, dependencies and jobs. */
export interface ServedBot {
  server: Server;
  url: string;
  eventsUrl: string;
  app: App;
  deps: BotDeps;
  inspect: MeshInspection;
  jobs: InProcessQueue<BotJob>;
  storeWrites(): number;
  storeCalls(): Record<string, number>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serve the bot on 127.0.0.1:`port` (Bolt's HTTP receiver on /slack/events) with the mesh service on
 * the given stand-ins, seed the people and the sample product when the mesh is new (no account
 * enabled yet), and sweep every five minutes. `routes` may claim requests first (the fake Slack API
 * and the console when they share the server).
 */
export async function serveBot(
  standIns: StandIns,
  options: { port: number; signingSecret: string; logger: Logger; routes?: (req: IncomingMessage, res: ServerResponse) => boolean; onListening?: (origin: string) => void },
): Promise<ServedBot> {
  const { logger } = options;
  const local = { region: SANDBOX_REGION };
  const dynamoClient = new DynamoDBClient({ ...local, endpoint: standIns.dynamoEndpoint, credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' } });
  let storeWrites = 0;
  const storeCalls: Record<string, number> = {};
  dynamoClient.middlewareStack.add(
    (next, context) => (args) => {
      const command = context.commandName;
      if (command !== undefined) {
        storeCalls[command] = (storeCalls[command] ?? 0) + 1;
        if (WRITE_COMMANDS.has(command)) storeWrites += 1;
      }
      return next(args);
    },
    { step: 'initialize', name: 'countSandboxStoreCalls' },
  );
  const sts = new STSClient({ ...local, endpoint: standIns.awsEndpoint, credentials: { ...SANDBOX_BOT_SESSION } });
  const mesh = wireMesh({
    config: { meshAccountId: SANDBOX_ACCOUNTS.mesh.id, region: SANDBOX_REGION, meshAdmins: [SANDBOX_PEOPLE.ada] },
    dynamo: dynamoClient,
    tablePrefix: standIns.tablePrefix,
    sts,
    awsEndpoint: standIns.awsEndpoint,
    logger,
  });
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: '/slack/events', customPropertiesExtractor: (req) => deliveryProperties(req.headers) });
  let jobClient: webApi.WebClient | undefined;
  const deps: BotDeps = {
    mesh: mesh.service,
    notices: mesh.notices,
    settings: { productsChannel: SANDBOX_CHANNELS.dataProducts.id },
    logger,
    clock: Date.now,
    newId: ulid,
    jobs: createInProcessQueue<BotJob>((job, delivery) => runBotJob(job, { ...deps, client: (jobClient ??= new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: standIns.slackApiUrl() })) }, delivery), logger),
  };
  const jobs = deps.jobs as InProcessQueue<BotJob>;

  const slackEdge = createSlackHttpEdge({ receiver, signingSecret: options.signingSecret, logger });
  const server = createServer((req, res) => {
    if (options.routes?.(req, res) === true) return;
    slackEdge(req, res);
  });
  const origin = `http://127.0.0.1:${String(await listen(server, options.port))}`;
  options.onListening?.(origin);
  const inFlight = createInFlight();
  const app = createBotApp({ receiver, token: SANDBOX_BOT_TOKEN, slackApiUrl: standIns.slackApiUrl(), deps, inFlight });
  const idle = async (): Promise<void> => {
    await inFlight.idle();
    await jobs.idle();
  };

  // Seed a new mesh only: a persisted or attached one keeps what people did in it. Nothing is
  // published: the workshop starts with Pat publishing the sample product.
  if ((await mesh.service.listAccounts({ user: SANDBOX_PEOPLE.ada, requestId: 'sandbox-seed' })).length === 0) {
    await seedMeshPeople(mesh.service, 'sandbox-seed');
  }
  // Reminders, expiry and syncs every five minutes, as the scheduled rule does in AWS.
  const stopSweeps = scheduleSweeps(jobs, 5 * 60_000, ulid);

  return {
    server,
    url: origin,
    eventsUrl: `${origin}/slack/events`,
    app,
    deps,
    inspect: mesh.inspect,
    jobs,
    storeWrites: () => storeWrites,
    storeCalls: () => ({ ...storeCalls }),
    idle,
    async close() {
      stopSweeps();
      await idle();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      mesh.destroy();
      dynamoClient.destroy();
      sts.destroy();
    },
  };
}

/** The fake Slack Web API, the bot and `extraRoutes` on one server (one origin for Slack and the console), on the given AWS side and store. */
async function serveOnSandbox(aws: SandboxAws, store: { endpoint: string; tablePrefix: string }, options: Omit<SandboxBotOptions, 'awsPort' | 'dynamoPort' | 'stateDir' | 'ramAssociationDelayMs'>): Promise<SandboxBotView> {
  let origin = '';
  const slack = createFakeSlackApi({ publicUrl: () => origin, logger: options.logger.child({ component: 'fake-slack' }) });
  const bot = await serveBot(
    { awsEndpoint: aws.endpoint, dynamoEndpoint: store.endpoint, tablePrefix: store.tablePrefix, slackApiUrl: () => `${origin}/api/` },
    {
      port: options.port,
      signingSecret: options.signingSecret,
      logger: options.logger,
      routes: (req, res) => slack.handle(req, res) || options.extraRoutes?.(req, res) === true,
      onListening: (listening) => {
        origin = listening;
      },
    },
  );
  return {
    url: bot.url,
    eventsUrl: bot.eventsUrl,
    aws,
    store,
    storeWrites: () => bot.storeWrites(),
    storeCalls: () => bot.storeCalls(),
    slack,
    app: bot.app,
    deps: bot.deps,
    inspect: bot.inspect,
    jobs: bot.jobs,
    idle: () => bot.idle(),
    close: () => bot.close(),
  };
}

/**
 * Start the sandbox: the AWS emulator and dynalite, then the bot on them with the fake Slack Web API
 * on the bot's own server, seeded with the people and the sample product when the mesh is new. The
 * bot's jobs run in this process.
 */
export async function startSandboxBot(options: SandboxBotOptions): Promise<SandboxBot> {
  const { logger } = options;
  const persisted = options.stateDir;
  if (persisted !== undefined) mkdirSync(join(persisted, 'dynamo'), { recursive: true });
  const emulator = await startEmulator({
    port: options.awsPort,
    logger: logger.child({ component: 'aws-emulator' }),
    ...(persisted !== undefined && { persistFile: join(persisted, 'world.json') }),
    ...(options.ramAssociationDelayMs !== undefined && { ramAssociationDelayMs: options.ramAssociationDelayMs }),
  });
  const dynamo = await startSandboxDynamo(options.dynamoPort, persisted === undefined ? {} : { path: join(persisted, 'dynamo') });
  const bot = await serveOnSandbox(localSandboxAws(emulator), dynamo, options);
  return {
    ...bot,
    emulator,
    dynamo,
    async close() {
      await bot.close();
      await dynamo.close();
      await emulator.close();
    },
  };
}

/** A sandbox someone else runs (`npm run sandbox`): where its emulator and DynamoDB answer. */
export interface RunningSandbox {
  awsEndpoint: string;
  dynamoEndpoint: string;
  tablePrefix?: string;
}

/**
 * Reach a running sandbox: its emulator answers as the sandbox's does and its DynamoDB holds Meshbot's
 * tables, else a SandboxUnreachableError says what is wrong and what to do.
 */
export async function reachRunningSandbox(running: RunningSandbox): Promise<{ aws: SandboxAws; store: { endpoint: string; tablePrefix: string } }> {
  const aws = await remoteSandboxAws(running.awsEndpoint);
  const store = { endpoint: running.dynamoEndpoint, tablePrefix: running.tablePrefix ?? 'meshbot-' };
  await checkSandboxTables(store.endpoint, store.tablePrefix);
  return { aws, store };
}

/** Serve the bot and the fake Slack Web API on a sandbox that is already running (`reachRunningSandbox`). Its state stays there when this bot stops. */
export async function attachSandboxBot(running: RunningSandbox, options: Omit<SandboxBotOptions, 'awsPort' | 'dynamoPort' | 'stateDir' | 'ramAssociationDelayMs'>): Promise<SandboxBotView> {
  const { aws, store } = await reachRunningSandbox(running);
  return serveOnSandbox(aws, store, options);
}
