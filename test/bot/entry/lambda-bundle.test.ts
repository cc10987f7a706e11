import { build } from 'esbuild';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaHandlers } from '../../../src/bot/entry/lambda';
import { COMMAND } from '../../../src/bot/interaction-ids';
import { slashCommandRequest, urlVerificationRequest } from '../../../src/sandbox/slack/slack-payloads';
import { esbuildOptions, LAMBDA_HANDLERS } from '../../../infra/lambda-bundle';
import { registeredListeners } from '../../infra/registered-listeners';
import { functionUrlEvent, lambdaContext, scheduledEvent, sqsEvent, startLambdaWorld, useWorldEnv, type LambdaWorld } from './lambda-world';

// The bundle as the stack deploys it (same esbuild options), loaded as Lambda loads it: require() of index.js.
let world: LambdaWorld;
let dir: string;
let bundle: Pick<LambdaHandlers, (typeof LAMBDA_HANDLERS)[keyof typeof LAMBDA_HANDLERS]>;
let bytes: number;
const context = lambdaContext();

beforeAll(async () => {
  world = await startLambdaWorld();
  useWorldEnv(world);
  // Only errors reach stdout from the bundle's own logger.
  process.env.LOG_LEVEL = 'error';
  dir = await mkdtemp(join(tmpdir(), 'meshbot-bundle-'));
  const outfile = join(dir, 'index.js');
  await build(esbuildOptions(outfile));
  bytes = (await stat(outfile)).size;
  bundle = createRequire(import.meta.url)(outfile) as typeof bundle;
});
afterAll(async () => {
  await world.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the built Lambda bundle', () => {
  it('exports every handler the stack names, each a 2-argument function, within 1.5 MB', () => {
    for (const name of Object.values(LAMBDA_HANDLERS)) {
      expect(typeof bundle[name]).toBe('function');
      expect(bundle[name].length).toBe(2);
    }
    expect(bytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  it('answers a signed url_verification, and 401 on a bad signature', async () => {
    const verified = await bundle.slackHandler(functionUrlEvent(urlVerificationRequest({ challenge: 'bundled' })), context);
    const forged = await bundle.slackHandler(functionUrlEvent(urlVerificationRequest(), { secret: 'wrong' }), context);

    expect(verified).toMatchObject({ statusCode: 200, body: JSON.stringify({ challenge: 'bundled' }) });
    expect(forged.statusCode).toBe(401);
  });

  it('takes a signed slash command into the app, authorized against the fake Slack API', async () => {
    const answer = await bundle.slackHandler(functionUrlEvent(slashCommandRequest(world.slack, { user: 'U0PRODUCER', text: 'help' })), context);

    expect(answer.statusCode).toBe(registeredListeners().commands.includes(COMMAND) ? 200 : 404);
    expect(world.slack.calls({ method: 'auth.test' }).map((c) => c.ok)).toContain(true);
    expect(world.slack.calls({ method: 'auth.test' }).every((c) => c.ok)).toBe(true);
  });

  it('runs a job from an SQS event and enqueues a sweep from a scheduled event', async () => {
    const sent = world.aws.calls('AmazonSQS.SendMessage').length;

    const answer = await bundle.workerHandler(sqsEvent([{ body: JSON.stringify({ kind: 'sweep', requestId: 'bundled-sweep' }) }]), context);
    await bundle.sweepHandler(scheduledEvent('evt-bundle'), context);

    expect(answer).toEqual({ batchItemFailures: [] });
    expect(world.aws.calls('AmazonSQS.SendMessage').slice(sent).map((c) => c.input.MessageDeduplicationId)).toEqual(['sweep::sweep-evt-bundle']);
  });
});
