import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSocketBot } from '../../../src/bot/entry/socket-check';
import { startSocketBot } from '../../../src/bot/entry/socket-bot';
import { SocketEnvSchema, socketEnvProblems, type SocketEnv } from '../../../src/bot/entry/socket-env';
import { startEmulator, type Emulator } from '../../../src/sandbox/aws/emulator';
import { startSandboxDynamo, type SandboxDynamo } from '../../../src/sandbox/dynamo/start-sandbox-dynamo';
import { sandboxAdminKeys, SANDBOX_ACCOUNTS, SANDBOX_REGION } from '../../../src/sandbox/seed/sandbox-accounts';
import { startFakeSlackApi, type RunningFakeSlackApi } from '../../../src/sandbox/slack/fake-slack-api';
import { startFakeSocketMode, type FakeSocketMode } from '../../../src/sandbox/slack/fake-socket-mode';
import { slashCommandRequest } from '../../../src/sandbox/slack/slack-payloads';
import { SANDBOX_BOT_TOKEN } from '../../../src/sandbox/slack/slack-world';

// A developer runs the bot by hand in Socket Mode against a deployed mesh: Slack over a WebSocket
// (the fake Socket Mode end), AWS from the default credential chain (here: the mesh account's admin
// user, whom the sandbox's MeshbotBot trusts as -c localBotPrincipals would make it), endpoints from
// the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables.

const APP_TOKEN = 'xapp-1-A0MESHBOT-sandbox-app-token';
let emulator: Emulator;
let dynamo: SandboxDynamo;
let slack: RunningFakeSlackApi;
let socket: FakeSocketMode;
let env: Record<string, string>;

/** Socket Mode settings parsed from `env` with overrides (undefined removes a variable). */
function settings(overrides: Record<string, string | undefined> = {}): SocketEnv {
  return SocketEnvSchema.parse({ ...env, ...overrides });
}

beforeAll(async () => {
  const silent = pino({ level: 'silent' });
  emulator = await startEmulator({ port: 0, logger: silent });
  dynamo = await startSandboxDynamo(0);
  socket = await startFakeSocketMode();
  slack = await startFakeSlackApi({ logger: silent, socketMode: { appTokens: [APP_TOKEN], connectionUrl: () => socket.connectionUrl() } });
  const developer = sandboxAdminKeys('mesh');
  env = {
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_BOT_TOKEN: SANDBOX_BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    MESH_ACCOUNT_ID: SANDBOX_ACCOUNTS.mesh.id,
    MESH_ADMINS: 'T0SANDBOX:U0ADMIN',
    PRODUCTS_CHANNEL: 'C0PRODUCTS',
    AWS_REGION: SANDBOX_REGION,
    TABLE_PREFIX: dynamo.tablePrefix,
  };
  // The default credential chain and the SDK's endpoint overrides read these.
  delete process.env.AWS_PROFILE;
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: developer.accessKeyId,
    AWS_SECRET_ACCESS_KEY: developer.secretAccessKey,
    AWS_REGION: SANDBOX_REGION,
    AWS_ENDPOINT_URL_STS: emulator.endpoint,
    AWS_ENDPOINT_URL_GLUE: emulator.endpoint,
    AWS_ENDPOINT_URL_LAKEFORMATION: emulator.endpoint,
    AWS_ENDPOINT_URL_RAM: emulator.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  });
});

afterAll(async () => {
  await socket.close();
  await slack.close();
  await dynamo.close();
  await emulator.close();
});

describe('Socket Mode settings', () => {
  it('names every missing setting and where to find it, instead of starting the sandbox', () => {
    const parsed = SocketEnvSchema.safeParse({ SLACK_BOT_TOKEN: SANDBOX_BOT_TOKEN });

    expect(parsed.success).toBe(false);
    const problems = socketEnvProblems(parsed.error!);
    expect(problems).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN is missing: .*app-level token \(xapp-…/),
      expect.stringMatching(/^MESH_ACCOUNT_ID is missing: the mesh account/),
      expect.stringMatching(/^PRODUCTS_CHANNEL is missing: the channel id/),
      expect.stringMatching(/^MESH_ADMINS is empty and MESH_ADMIN_GROUP is unset/),
    ]);
  });

  it('takes a user group in place of named admins', () => {
    expect(SocketEnvSchema.safeParse({ ...env, MESH_ADMINS: undefined, MESH_ADMIN_GROUP: 'S0MESHADMINS' }).success).toBe(true);
  });
});

describe('the start-up check (npm start -- --check)', () => {
  it('finds Slack’s two tokens, the admins, the AWS identity (MeshbotBot assumed for the developer) and the tables ready', async () => {
    const check = await checkSocketBot(settings());

    expect(check.lines.filter((line) => !line.ok)).toEqual([]);
    expect(check.ok).toBe(true);
    const detail = Object.fromEntries(check.lines.map((line) => [line.what, line.detail]));
    expect(detail['Slack bot token']).toBe('workspace Sandbox (T0SANDBOX) as @meshbot (U0MESHBOT)');
    expect(detail['AWS identity']).toBe('arn:aws:iam::555555555555:user/sandbox-admin, acting as arn:aws:iam::555555555555:role/MeshbotBot (assumed for this run)');
    expect(detail['DynamoDB tables']).toBe('5 tables meshbot-* in us-east-1');
    expect(check.identity?.assumed).toBe(true);
  });

  it('marks each thing that is not ready, saying why: tables not deployed, tokens Slack refuses', async () => {
    const check = await checkSocketBot(settings({ TABLE_PREFIX: 'elsewhere-', SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_APP_TOKEN: 'xapp-revoked', MESH_ADMINS: 'T0OTHER:U0ADMIN' }));

    expect(check.ok).toBe(false);
    const failed = Object.fromEntries(check.lines.filter((line) => !line.ok).map((line) => [line.what, line.detail]));
    expect(failed['Slack bot token']).toBe('Slack refused SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions again');
    expect(failed['Slack app token']).toMatch(/^Slack refused SLACK_APP_TOKEN \(invalid_auth\): turn Socket Mode on/);
    expect(failed['DynamoDB tables']).toMatch(/^elsewhere-subscriptions does not exist; .*elsewhere-accounts does not exist.*: deploy the Meshbot-Mesh stack in us-east-1/);
    // The bot token was refused, so the workspace is unknown: the admin's team cannot be compared.
    expect(failed['Mesh admins']).toBeUndefined();
  });

  it('refuses an admin of another workspace once the bot’s workspace is known', async () => {
    const check = await checkSocketBot(settings({ MESH_ADMINS: 'T0OTHER:U0ADMIN, U0ANY' }));
    const failed = check.lines.filter((line) => !line.ok);

    expect(failed).toEqual([{ ok: false, what: 'Mesh admins', detail: 'T0OTHER:U0ADMIN belongs to another workspace than the bot’s (T0SANDBOX)' }]);
    expect(check.ok).toBe(false);
  });

  it('tells a developer whom MeshbotBot does not trust which CDK context value lets them in', async () => {
    const stranger = sandboxAdminKeys('producer');
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: stranger.accessKeyId, AWS_SECRET_ACCESS_KEY: stranger.secretAccessKey });
    try {
      const check = await checkSocketBot(settings());

      const aws = check.lines.find((line) => line.what === 'AWS identity');
      expect(aws?.ok).toBe(false);
      expect(aws?.detail).toMatch(/^arn:aws:iam::111111111111:user\/sandbox-admin may not assume arn:aws:iam::555555555555:role\/MeshbotBot .*-c localBotPrincipals=arn:aws:iam::111111111111:user\/sandbox-admin/);
      expect(check.identity).toBeUndefined();
    } finally {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: saved.id, AWS_SECRET_ACCESS_KEY: saved.secret });
    }
  });
});

describe('Socket Mode end to end', () => {
  it('connects over the WebSocket, acks /mesh at once, and acts in AWS as MeshbotBot naming the Slack user', async () => {
    const ready = settings();
    const check = await checkSocketBot(ready);
    const bot = await startSocketBot(ready, check.identity!, pino({ level: 'silent' }));
    try {
      await socket.connected();
      const before = slack.responses().length;
      emulator.controls.calls.clear();

      const command = slashCommandRequest(slack, { user: 'U0ADMIN', text: 'admin enable 111111111111 producer' });
      const ack = await socket.send('slash_commands', command.payload);

      expect(ack.envelope_id).toEqual(expect.any(String));
      await expect.poll(() => slack.responses().slice(before).map((r) => JSON.stringify(r)).join('\n'), { timeout: 10_000 }).toContain('enabled as producer');
      const assumed = emulator.controls.calls.list({ service: 'sts', operation: 'AssumeRole' }).filter((call) => call.outcome === 'ok');
      // The developer took MeshbotBot (no SourceIdentity of their own); MeshbotBot took the producer's role naming Ada.
      expect(assumed.find((call) => call.roleName === null)?.arn).toBe('arn:aws:iam::555555555555:user/sandbox-admin');
      const producerCalls = emulator.controls.calls.list({ accountId: '111111111111' }).filter((call) => call.service !== 'sts');
      expect(producerCalls.length).toBeGreaterThan(0);
      expect(new Set(producerCalls.map((call) => `${call.roleName ?? ''} ${call.sourceIdentity ?? ''}`))).toEqual(new Set(['MeshbotProducer U0ADMIN']));
    } finally {
      await bot.stop();
    }
  });
});
