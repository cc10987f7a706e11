import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import { HTTPReceiver, webApi, type App } from '@slack/bolt';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import { wireMesh } from '../../mesh/service/wire-mesh';
import { startEmulator, type Emulator } from '../../sandbox/aws/emulator';
import { startSandboxDynamo, type SandboxDynamo } from '../../sandbox/dynamo/start-sandbox-dynamo';
import { SANDBOX_ACCOUNTS, SANDBOX_BOT_SESSION, SANDBOX_REGION } from '../../sandbox/seed/sandbox-accounts';
import { SANDBOX_PEOPLE, seedMeshPeople, seedTelcoProduct } from '../../sandbox/seed/seed-mesh';
import { createFakeSlackApi, type FakeSlackApi } from '../../sandbox/slack/fake-slack-api';
import { SANDBOX_BOT_TOKEN, SANDBOX_CHANNELS } from '../../sandbox/slack/slack-world';
import type { BotDeps } from '../bot-deps';
import type { BotJob } from '../bot-job';
import { createBotApp } from '../create-bot-app';
import { createInFlight } from '../in-flight';
import { createInProcessQueue, type InProcessQueue } from '../jobs/in-process-queue';
import { runBotJob } from '../jobs/run-bot-job';
import { scheduleSweeps } from '../jobs/schedule-sweeps';

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
}

/** The running sandbox: the bot and every local stand-in it talks to. */
export interface SandboxBot {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  eventsUrl: string;
  emulator: Emulator;
  dynamo: SandboxDynamo;
  slack: FakeSlackApi;
  app: App;
  deps: BotDeps;
  /** The in-process job queue: `jobs.idle()` waits for grants and other jobs to finish. */
  jobs: InProcessQueue<BotJob>;
  /** Resolves once every listener (follow-up included) and every job it queued has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Start the sandbox: the AWS emulator and dynalite, the mesh service on them, the fake Slack Web API
 * and the bot's HTTP receiver on one server, then seed the people and the sample product. The bot's
 * jobs run in this process.
 */
export async function startSandboxBot(options: SandboxBotOptions): Promise<SandboxBot> {
  const { logger } = options;
  const persisted = options.stateDir;
  if (persisted !== undefined) mkdirSync(join(persisted, 'dynamo'), { recursive: true });
  const emulator = await startEmulator({
    port: options.awsPort,
    logger: logger.child({ component: 'aws-emulator' }),
    ...(persisted !== undefined && { persistFile: join(persisted, 'world.json') }),
  });
  const dynamo = await startSandboxDynamo(options.dynamoPort, persisted === undefined ? {} : { path: join(persisted, 'dynamo') });
  const local = { region: SANDBOX_REGION };
  const dynamoClient = new DynamoDBClient({ ...local, endpoint: dynamo.endpoint, credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' } });
  const sts = new STSClient({ ...local, endpoint: emulator.endpoint, credentials: { ...SANDBOX_BOT_SESSION } });
  const mesh = wireMesh({
    config: { meshAccountId: SANDBOX_ACCOUNTS.mesh.id, region: SANDBOX_REGION, meshAdmins: [SANDBOX_PEOPLE.ada] },
    dynamo: dynamoClient,
    tablePrefix: dynamo.tablePrefix,
    sts,
    awsEndpoint: emulator.endpoint,
    logger,
  });

  const server = createServer();
  let origin = '';
  const slack = createFakeSlackApi({ publicUrl: () => origin, logger: logger.child({ component: 'fake-slack' }) });
  const slackApiUrl = (): string => `${origin}/api/`;
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: '/slack/events' });

  let jobClient: webApi.WebClient | undefined;
  const deps: BotDeps = {
    mesh: mesh.service,
    notices: mesh.notices,
    settings: { productsChannel: SANDBOX_CHANNELS.dataProducts.id },
    logger,
    clock: Date.now,
    newId: ulid,
    jobs: createInProcessQueue<BotJob>((job) => runBotJob(job, { ...deps, client: (jobClient ??= new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: slackApiUrl() })) }), logger),
  };
  const jobs = deps.jobs as InProcessQueue<BotJob>;

  server.on('request', (req, res) => {
    if (slack.handle(req, res)) return;
    if (options.extraRoutes?.(req, res) === true) return;
    if (req.url?.startsWith('/slack/events') === true) {
      receiver.requestListener(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  const port = await listen(server, options.port);
  origin = `http://127.0.0.1:${String(port)}`;
  const inFlight = createInFlight();
  const app = createBotApp({ receiver, token: SANDBOX_BOT_TOKEN, slackApiUrl: slackApiUrl(), deps, inFlight });
  const idle = async (): Promise<void> => {
    await inFlight.idle();
    await jobs.idle();
  };

  await seedMeshPeople(mesh.service, 'sandbox-seed');
  await seedTelcoProduct(mesh.service, 'sandbox-seed');
  // Reminders, expiry and syncs every five minutes, as the scheduled rule does in AWS.
  const stopSweeps = scheduleSweeps(jobs, 5 * 60_000, ulid);

  return {
    url: origin,
    eventsUrl: `${origin}/slack/events`,
    emulator,
    dynamo,
    slack,
    app,
    deps,
    jobs,
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
      await dynamo.close();
      await emulator.close();
    },
  };
}
