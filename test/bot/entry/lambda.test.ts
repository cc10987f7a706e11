import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLambdaHandlers, slackHandler, sweepHandler, workerHandler, type LambdaHandlers } from '../../../src/bot/entry/lambda';
import { LambdaSettingsError } from '../../../src/bot/entry/lambda-settings';
import { COMMAND } from '../../../src/bot/interaction-ids';
import { slashCommandRequest, urlVerificationRequest } from '../../../src/sandbox/slack/slack-payloads';
import { SANDBOX_BOT_TOKEN, SANDBOX_SIGNING_SECRET } from '../../../src/sandbox/slack/slack-world';
import { registeredListeners } from '../../infra/registered-listeners';
import { functionUrlEvent, lambdaContext, logCapture, scheduledEvent, sqsEvent, SLACK_SECRET_ARN, startLambdaWorld, useWorldEnv, type LambdaWorld } from './lambda-world';

let world: LambdaWorld;
let logs: ReturnType<typeof logCapture>;
let handlers: LambdaHandlers;
const context = lambdaContext();

beforeAll(async () => {
  world = await startLambdaWorld();
  useWorldEnv(world);
});
afterAll(async () => {
  await world.close();
});
let slackAppBuilt = false;

beforeEach(() => {
  logs = logCapture();
  handlers = createLambdaHandlers({ destination: logs });
  const built = handlers.slackHandler.bind(handlers);
  handlers.slackHandler = (event, ctx) => {
    slackAppBuilt = true;
    return built(event, ctx);
  };
  slackAppBuilt = false;
  world.slack.clear();
});
// Building the Slack app verifies the bot token (auth.test) without waiting for it: let that call land
// within its own test, so the next one counts only its own calls.
afterEach(async () => {
  if (!slackAppBuilt) return;
  await vi.waitFor(() => {
    expect(world.slack.calls({ method: 'auth.test' }).length).toBeGreaterThan(0);
  });
});

describe('the Slack handler (Function URL events)', () => {
  it('answers a signed url_verification with its challenge', async () => {
    const answer = await handlers.slackHandler(functionUrlEvent(urlVerificationRequest({ challenge: 'c-lambda' })), context);

    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(String(answer.body))).toEqual({ challenge: 'c-lambda' });
  });

  it('refuses a bad signature and a timestamp older than five minutes with 401, and calls nothing', async () => {
    const command = slashCommandRequest(world.slack, { user: 'U0CONSUMER', text: 'help' });

    const forged = await handlers.slackHandler(functionUrlEvent(command, { secret: 'not-the-secret' }), context);
    const stale = await handlers.slackHandler(functionUrlEvent(command, { timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60 }), context);

    expect(forged.statusCode).toBe(401);
    expect(stale.statusCode).toBe(401);
    // Building the app verifies the bot token once (auth.test); the refused requests call nothing else.
    await vi.waitFor(() => {
      expect(world.slack.calls().map((c) => c.method)).toEqual(['auth.test']);
    });
    expect(world.aws.calls('AmazonSQS.SendMessage')).toEqual([]);
    // The refusal is logged without the offered signature.
    expect(logs.text()).toContain('refused a request at the Slack edge');
    expect(logs.text()).toContain('the signature does not match');
    expect(logs.text()).not.toContain('v0=');
  });

  it('refuses every other method, a future timestamp and malformed signed bodies at the edge, before Bolt, with a 4xx', async () => {
    const get = functionUrlEvent(urlVerificationRequest({ challenge: 'c' }));
    get.requestContext.http.method = 'GET';
    const future = functionUrlEvent(urlVerificationRequest({ challenge: 'c' }), { timestampSeconds: Math.floor(Date.now() / 1000) + 6 * 60 });
    const malformed = ['payload=null', 'payload=%7B%7D', 'command=%2Fmesh', 'null', '{"type":"event_callback"}'].map((body) =>
      functionUrlEvent({ contentType: body.startsWith('{') || body === 'null' ? 'application/json' : 'application/x-www-form-urlencoded', body }),
    );

    expect(await handlers.slackHandler(get, context)).toMatchObject({ statusCode: 405, headers: { allow: 'POST' } });
    expect(await handlers.slackHandler(future, context)).toMatchObject({ statusCode: 401, body: 'the signature timestamp is more than five minutes away' });
    for (const event of malformed) expect((await handlers.slackHandler(event, context)).statusCode).toBe(400);
    expect(world.aws.calls('AmazonSQS.SendMessage')).toEqual([]);
  });

  it('takes a signed slash command into the app with the token from the secret, against the fake Slack API', async () => {
    const command = slashCommandRequest(world.slack, { user: 'U0CONSUMER', text: 'help' });

    const answer = await handlers.slackHandler(functionUrlEvent(command, { base64: true }), context);

    // Bolt authorized the request with the bot token read from Secrets Manager (auth.test on the fake Slack API).
    expect(world.slack.calls({ method: 'auth.test' }).map((c) => c.ok)).toEqual([true]);
    // A registered /mesh acks with 200; without a listener Bolt answers 404, never 401 or 500.
    const listened = registeredListeners().commands.includes(COMMAND);
    expect(answer.statusCode).toBe(listened ? 200 : 404);
  });

  it('reads the Slack secret once per cold start, whatever the number of requests', async () => {
    const before = world.aws.calls('secretsmanager.GetSecretValue').length;

    for (let i = 0; i < 3; i++) await handlers.slackHandler(functionUrlEvent(urlVerificationRequest()), context);
    await handlers.workerHandler(sqsEvent([]), context);

    expect(world.aws.calls('secretsmanager.GetSecretValue').slice(before).map((c) => c.input)).toEqual([{ SecretId: SLACK_SECRET_ARN }]);
  });

  it('fails an invocation with what to fix when the secret is incomplete, and recovers once it is put', async () => {
    world.aws.secrets.set(SLACK_SECRET_ARN, JSON.stringify({ signingSecret: '', botToken: '' }));
    try {
      const failed = handlers.slackHandler(functionUrlEvent(urlVerificationRequest()), context);
      await expect(failed).rejects.toBeInstanceOf(LambdaSettingsError);
      await expect(failed).rejects.toThrow(/signingSecret is empty.*botToken must be the bot token/);
      expect(logs.text()).toContain('Meshbot cannot start');
    } finally {
      world.aws.secrets.set(SLACK_SECRET_ARN, JSON.stringify({ signingSecret: SANDBOX_SIGNING_SECRET, botToken: SANDBOX_BOT_TOKEN }));
    }

    const answer = await handlers.slackHandler(functionUrlEvent(urlVerificationRequest({ challenge: 'again' })), context);

    expect(JSON.parse(String(answer.body))).toEqual({ challenge: 'again' });
    expect(logs.text()).not.toContain(SANDBOX_BOT_TOKEN);
    expect(logs.text()).not.toContain(SANDBOX_SIGNING_SECRET);
  });
});

describe('a cold start with a setting missing', () => {
  it('fails every handler naming each missing variable and what sets it, and logs why', async () => {
    const broken = createLambdaHandlers({ destination: logs, env: () => ({ SLACK_SECRET_ARN }) });

    const failed = broken.workerHandler(sqsEvent([]), context);
    await expect(failed).rejects.toBeInstanceOf(LambdaSettingsError);
    await expect(failed).rejects.toThrow(/MESH_ACCOUNT_ID is missing: the mesh account \(12 digits\); the Meshbot-Mesh stack sets it; JOB_QUEUE_URL is missing: the URL of the SQS FIFO job queue/);
    await expect(broken.slackHandler(functionUrlEvent(urlVerificationRequest()), context)).rejects.toThrow(/MESH_ACCOUNT_ID is missing/);
    expect(logs.text()).toContain('Meshbot cannot start');
  });

  it('names the Slack settings needed when there is no secret to read', async () => {
    const env = { MESH_ACCOUNT_ID: '555555555555', JOB_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/555555555555/meshbot-jobs.fifo', SLACK_BOT_TOKEN: SANDBOX_BOT_TOKEN };
    const broken = createLambdaHandlers({ destination: logs, env: () => env });

    await expect(broken.workerHandler(sqsEvent([]), context)).rejects.toThrow(/SLACK_SECRET_ARN is missing .* SLACK_SIGNING_SECRET is needed in its place/);
  });
});

describe('the worker handler (SQS FIFO events)', () => {
  it('runs each job and reports no failure; a record that is no job is dropped, not retried', async () => {
    const answer = await handlers.workerHandler(
      sqsEvent([{ body: JSON.stringify({ kind: 'sweep', requestId: 'sweep-lambda-test' }) }, { body: '{"kind":"teleport"}' }]),
      context,
    );

    expect(answer).toEqual({ batchItemFailures: [] });
    const records = logs.records();
    expect(records.some((r) => r.job === 'sweep' && r.requestId === 'sweep-lambda-test' && r.handler === 'worker')).toBe(true);
    expect(records.some((r) => r.messageId === 'msg-2' && r.msg === 'job does not parse; dropped')).toBe(true);
  });
});

describe('the sweep handler (scheduled rule)', () => {
  it('enqueues one sweep job to the FIFO queue, deduplicated by the EventBridge event id', async () => {
    const before = world.aws.calls('AmazonSQS.SendMessage').length;

    await handlers.sweepHandler(scheduledEvent('evt-1'), context);
    await handlers.sweepHandler(scheduledEvent('evt-1'), context);

    const sent = world.aws.calls('AmazonSQS.SendMessage').slice(before).map((c) => c.input);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      QueueUrl: world.env.JOB_QUEUE_URL,
      MessageBody: JSON.stringify({ kind: 'sweep', requestId: 'sweep-evt-1' }),
      MessageGroupId: 'sweep',
      MessageDeduplicationId: 'sweep::sweep-evt-1',
    });
    // The same event twice: the same deduplication id, so SQS keeps one.
    expect(sent[1]).toEqual(sent[0]);
  });
});

describe('the exported handlers', () => {
  it('are 2-argument async functions (Node.js 24 runtimes refuse callback handlers)', () => {
    expect([slackHandler.length, workerHandler.length, sweepHandler.length]).toEqual([2, 2, 2]);
  });

  it('build from process.env on the first invocation', async () => {
    slackAppBuilt = true;
    const answer = await slackHandler(functionUrlEvent(urlVerificationRequest({ challenge: 'from-env' })), context);

    expect(answer).toMatchObject({ statusCode: 200, body: JSON.stringify({ challenge: 'from-env' }) });
  });
});
