import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { pino } from 'pino';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_SOURCE_IDENTITY } from '../../../src/mesh/domain/system-actor';
import { remoteSandboxAws } from '../../../src/sandbox/aws/controls/sandbox-aws';
import { startEmulator, type Emulator } from '../../../src/sandbox/aws/emulator';
import { attachSandboxBot, startSandboxBot } from '../../../src/sandbox/bot/sandbox-bot';
import { readConsoleState } from '../../../src/sandbox/console/console-state';
import { startDynalite } from '../../../src/sandbox/dynamo/start-dynalite';
import { startSandboxDynamo, type SandboxDynamo } from '../../../src/sandbox/dynamo/start-sandbox-dynamo';
import { sandboxAdminKeys } from '../../../src/sandbox/seed/sandbox-accounts';
import { SANDBOX_SIGNING_SECRET } from '../../../src/sandbox/slack/slack-world';
import { postSignedToBot } from '../../../src/sandbox/slack/post-signed-to-bot';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { publishSampleProduct } from '../../../src/sandbox/seed/seed-mesh';

let world: BotWorld;

beforeAll(async () => {
  world = await startBotWorld();
});
afterAll(async () => {
  await world.close();
});

describe('the sandbox bot', () => {
  it('answers Slack’s URL verification on /slack/events', async () => {
    const answer = await world.post({ kind: 'url_verification', challenge: 'c-1' });
    expect(answer).toMatchObject({ status: 200, json: { challenge: 'c-1' } });
  });

  it('refuses a bad signature and a timestamp older than five minutes with 401, and does nothing', async () => {
    world.slack.clear();
    const forged = await postSignedToBot({ url: world.eventsUrl, secret: 'not-the-secret', slack: world.slack, kind: 'command', user: 'U0CONSUMER', text: 'pending' });
    const stale = await postSignedToBot({
      url: world.eventsUrl,
      secret: SANDBOX_SIGNING_SECRET,
      slack: world.slack,
      kind: 'command',
      user: 'U0CONSUMER',
      text: 'pending',
      timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60,
    });

    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await world.jobs.idle();
    expect(world.slack.calls().filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('starts with the people mapped and nothing published: the workshop’s first step publishes', async () => {
    const fresh = await startBotWorld({ published: false });
    try {
      const casey = { user: { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' }, requestId: 't' };
      expect((await fresh.deps.mesh.whoami(casey)).personas).toEqual([{ accountId: '999999999999', kind: 'consumer' }]);
      await expect(fresh.deps.mesh.getProduct(casey, { productId: 'telco-111111111111' })).rejects.toThrow('no data product telco-111111111111');
      const { product } = await publishSampleProduct(fresh.deps.mesh, 't');
      expect(product.tables).toEqual(['usecase1_cell_kpis', 'usecase2_customer_churn']);
      expect(product.owners.map((o) => o.userId)).toEqual(['U0PRODUCER', 'U0OWNER2']);
      expect(product.offeredPermissions).toEqual(['SELECT', 'DESCRIBE']);
    } finally {
      await fresh.close();
    }
  });
});

describe('a bot attached to a running sandbox (npm start -- --aws-endpoint)', () => {
  const silent = pino({ level: 'silent' });
  const options = { port: 0, signingSecret: SANDBOX_SIGNING_SECRET, logger: silent };
  let emulator: Emulator;
  let dynamo: SandboxDynamo;
  beforeAll(async () => {
    // What npm run sandbox runs: the emulator and DynamoDB, nothing else; RAM associates at once (not about RAM timing).
    emulator = await startEmulator({ port: 0, logger: silent, ramAssociationDelayMs: 0 });
    dynamo = await startSandboxDynamo(0);
  });
  afterAll(async () => {
    await dynamo.close();
    await emulator.close();
  });

  it('seeds a new mesh there once, then keeps what people did in it across restarts', async () => {
    const running = { awsEndpoint: emulator.endpoint, dynamoEndpoint: dynamo.endpoint };
    const first = await attachSandboxBot(running, options);
    const pat = { user: { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' }, requestId: 't' };
    await publishSampleProduct(first.deps.mesh, 'attach-publish');
    await first.deps.mesh.mapUser({ user: { teamId: 'T0SANDBOX', userId: 'U0ADMIN' }, requestId: 't' }, { user: { teamId: 'T0SANDBOX', userId: 'U0DANA' }, accountId: '999999999999', kind: 'consumer' });
    await first.close();

    const second = await attachSandboxBot(running, options);
    try {
      const product = await second.deps.mesh.getProduct(pat, { productId: 'telco-111111111111' });
      expect(product.version).toBe(1);
      expect((await second.deps.mesh.whoami({ user: { teamId: 'T0SANDBOX', userId: 'U0DANA' }, requestId: 't' })).personas).toEqual([{ accountId: '999999999999', kind: 'consumer' }]);
      // The mesh database Pat published lives in the running emulator, and the console reads it from there.
      const state = await readConsoleState(second);
      expect(state.mesh.accounts.find((a) => a.id === '555555555555')?.databases.map((d) => d.name)).toContain('telco-111111111111');
    } finally {
      await second.close();
    }
  });

  it('sees every change of the running world through its change mark', async () => {
    const aws = await remoteSandboxAws(emulator.endpoint);
    const before = await aws.changeMark();
    await new STSClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials: sandboxAdminKeys('mesh') }).send(new GetCallerIdentityCommand({}));
    expect(await aws.changeMark()).not.toBe(before);
  });

  it('refuses to attach where no sandbox answers, or to a DynamoDB without Meshbot’s tables, saying what to do', async () => {
    const closed = await startEmulator({ port: 0, logger: silent });
    await closed.close();
    const bare = await startDynalite(0);
    try {
      await expect(attachSandboxBot({ awsEndpoint: closed.endpoint, dynamoEndpoint: dynamo.endpoint }, options)).rejects.toThrow(new RegExp(`^No sandbox answers at ${closed.endpoint} .*: start one with npm run sandbox`));
      await expect(attachSandboxBot({ awsEndpoint: emulator.endpoint, dynamoEndpoint: bare.endpoint }, options)).rejects.toThrow(
        `The DynamoDB at ${bare.endpoint} is not the sandbox's: meshbot-subscriptions does not exist;`,
      );
    } finally {
      await bare.close();
    }
  });
});

describe('a sandbox restarted while a grant was in flight (npm start -- --persist)', () => {
  it('finishes the interrupted grant at start, and tells the requester', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'meshbot-restart-'));
    // RAM associates at once: this is about resuming a grant, not RAM timing.
    const options = { port: 0, awsPort: 0, dynamoPort: 0, signingSecret: SANDBOX_SIGNING_SECRET, logger: pino({ level: 'silent' }), stateDir, ramAssociationDelayMs: 0 };
    const casey = { user: { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' }, requestId: 'restart-1' };
    try {
      const before = await startSandboxBot(options);
      await publishSampleProduct(before.deps.mesh, 'restart-0');
      const { subscription } = await before.deps.mesh.requestAccess(casey, { productId: 'telco-111111111111', permissions: ['SELECT'], justification: 'Churn model' });
      // Approved, then the process died before its grant job ran.
      await before.deps.mesh.approveRequest({ user: { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' }, requestId: 'restart-2' }, { id: subscription.id });
      await before.close();

      const after = await startSandboxBot(options);
      try {
        await vi.waitFor(async () => {
          expect((await after.deps.mesh.getSubscription(casey, { id: subscription.id })).status).toBe('ACTIVE');
        }, { timeout: 15_000, interval: 50 });
        await after.idle();
        const finished = await after.deps.mesh.getSubscription(casey, { id: subscription.id });
        expect(finished.history.map((h) => [h.event, 'system' in h.actor ? h.actor.system : h.actor.userId])).toEqual([
          ['request', 'U0CONSUMER'],
          ['approve', 'U0PRODUCER'],
          ['retry', 'resume-sweep'],
          ['grant-succeeded', 'grant-job'],
        ]);
        // The restart's sweep resumed it as the bot itself: every role session of the work names meshbot-system, not the approver.
        const work = after.emulator.controls.calls.list().filter((c) => c.service !== 'sts' && c.sessionName?.startsWith('meshbot-') === true);
        expect(new Set(work.map((c) => c.accountId))).toEqual(new Set(['555555555555', '999999999999']));
        expect(new Set(work.map((c) => c.sourceIdentity))).toEqual(new Set([SYSTEM_SOURCE_IDENTITY]));
        expect(after.slack.messages('U0CONSUMER').map((m) => `${m.text} ${JSON.stringify(m.blocks)}`).join('\n')).toContain('Access granted');
      } finally {
        await after.close();
      }
    } finally {
      await rm(stateDir, { recursive: true, force: true });
    }
  });
});
