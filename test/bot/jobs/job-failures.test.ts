import { webApi } from '@slack/bolt';
import type { SQSRecord } from 'aws-lambda';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotJobSchema, jobGroup, type BotJob } from '../../../src/bot/bot-job';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { createSqsWorker } from '../../../src/bot/jobs/queue/sqs-worker';
import { runBotJob } from '../../../src/bot/jobs/run-bot-job';
import { REQUEST_BLOCKS } from '../../../src/bot/views/request-modal';
import { subscriptionLockKey } from '../../../src/mesh/execute/grant-lock-key';
import type { SlackMessage } from '../../../src/sandbox/slack/slack-state';
import { SANDBOX_BOT_TOKEN } from '../../../src/sandbox/slack/slack-world';
import { startBotWorld, type BotWorld } from '../../support/bot-world';
import { as, current, dmsAbout, eventually, expectedFrom, grantedToConsumer, messageWith, PEOPLE, postProductCard, requestThroughModal, settled, shown } from '../flows/flow-support';

/** Jobs that fail on an outage go back to the queue (retried, then dead-lettered); a refusal is told and ends the job. */

let world: BotWorld;
let card: SlackMessage;

beforeAll(async () => {
  world = await startBotWorld();
  card = await postProductCard(world);
});
afterAll(async () => {
  await world.close();
});

const ASK = { [REQUEST_BLOCKS.tables]: ['usecase2_customer_churn'], [REQUEST_BLOCKS.permissions]: ['SELECT'], [REQUEST_BLOCKS.reason]: 'Churn features' };
const RETRYING = 'tried again by itself';

/** The worker Lambda's handler on this world: the real job dispatcher, the real Slack client. */
function worker(): (job: BotJob, attempt: number) => Promise<string[]> {
  const client = new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: `${world.url}/api/` });
  const handler = createSqsWorker(BotJobSchema, (job: BotJob, delivery) => runBotJob(job, { ...world.deps, client }, delivery), pino({ level: 'silent' }));
  return async (job, attempt) => {
    // One message, delivered again as SQS does: same id, a higher receive count.
    const record = { messageId: `m-${jobGroup(job)}`, body: JSON.stringify(job), attributes: { MessageGroupId: jobGroup(job), ApproximateReceiveCount: String(attempt) } } as unknown as SQSRecord;
    return (await handler({ Records: [record] })).batchItemFailures.map((f) => f.itemIdentifier);
  };
}

/** What `userId` was told in DMs and ephemerals, as text. */
function toldTo(userId: string): string[] {
  return [...world.slack.messages(userId), ...world.slack.ephemerals(userId)].map((m) => shown(m));
}

describe('a grant job on the worker Lambda when STS is down mid-grant', () => {
  it('is reported as a batch item failure (SQS retries it), tells the approver once, and the redelivery finishes the grant and tells the requester once', async () => {
    const request = await requestThroughModal(world, card, ASK);
    const approved = await world.deps.mesh.approveRequest(as(PEOPLE.pat), { id: request.id });
    // The job the [Approve] click enqueues.
    const job: BotJob = { kind: 'grant', id: request.id, ctx: { ...as(PEOPLE.pat), requestId: 'grant-outage' }, group: subscriptionLockKey(approved.subscription) };
    const deliver = worker();
    const toldBefore = toldTo(PEOPLE.pat).length;
    world.emulator.controls.faults.add({ service: 'sts', operation: 'AssumeRole', error: 'InternalFailure' });

    expect(await deliver(job, 1)).toEqual([`m-${jobGroup(job)}`]);
    expect((await current(world, request.id)).status).toBe('GRANTING');
    const toldPat = toldTo(PEOPLE.pat).slice(toldBefore);
    expect(toldPat).toHaveLength(1);
    expect(toldPat[0]).toContain(RETRYING);

    // Still down on the second delivery: still a failure for SQS, and nobody is told again.
    expect(await deliver(job, 2)).toHaveLength(1);
    expect(toldTo(PEOPLE.pat).slice(toldBefore)).toHaveLength(1);
    expect(dmsAbout(world, PEOPLE.casey, request.id).map((m) => shown(m)).join('\n')).not.toContain('Access granted');

    world.emulator.controls.faults.clear();
    expect(await deliver(job, 3)).toEqual([]);

    const granted = await current(world, request.id);
    expect(granted.status).toBe('ACTIVE');
    expect(await grantedToConsumer(world)).toEqual(expectedFrom(granted.plan));
    const grantedNotices = (): number => dmsAbout(world, PEOPLE.casey, request.id).filter((m) => shown(m).includes('Access granted')).length;
    expect(grantedNotices()).toBe(1);

    // A copy SQS delivers once more (at-least-once) finds the work done and says nothing.
    expect(await deliver(job, 4)).toEqual([]);
    expect(grantedNotices()).toBe(1);
    expect(toldTo(PEOPLE.pat).slice(toldBefore).filter((t) => t.includes(RETRYING))).toHaveLength(1);
  });
});

describe('a refusal inside a job', () => {
  it('is told to the person it acts for and ends the job: no batch item failure, no pointless retry', async () => {
    const active = (await world.deps.mesh.listSubscriptions(as(PEOPLE.casey), { kind: 'mine' })).items.find((s) => s.status === 'ACTIVE')!;
    const job: BotJob = { kind: 'modify', input: { id: active.id, permissions: ['SELECT', 'INSERT'], reason: 'More access' }, ctx: { ...as(PEOPLE.casey), requestId: 'modify-refused' }, group: subscriptionLockKey(active) };
    const toldBefore = toldTo(PEOPLE.casey).length;

    expect(await worker()(job, 1)).toEqual([]);

    const told = toldTo(PEOPLE.casey).slice(toldBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('you cannot decide on your own request');
    expect(told[0]).not.toContain(RETRYING);
    expect((await current(world, active.id)).version).toBe(active.version);
  });
});

describe('a revoke job on the worker Lambda when STS is down mid-revoke', () => {
  it('stays REVOKING and goes back to SQS; the redelivery finishes the revoke it was asked for', async () => {
    const active = (await world.deps.mesh.listSubscriptions(as(PEOPLE.casey), { kind: 'mine' })).items.find((s) => s.status === 'ACTIVE')!;
    const job: BotJob = { kind: 'revoke', id: active.id, reason: 'Project over', ctx: { ...as(PEOPLE.pat), requestId: 'revoke-outage' }, group: subscriptionLockKey(active) };
    const deliver = worker();
    world.emulator.controls.faults.add({ service: 'sts', operation: 'AssumeRole', error: 'InternalFailure' });

    expect(await deliver(job, 1)).toHaveLength(1);
    expect((await current(world, active.id)).status).toBe('REVOKING');
    world.emulator.controls.faults.clear();
    expect(await deliver(job, 2)).toEqual([]);

    const revoked = await current(world, active.id);
    expect(revoked.status).toBe('REVOKED');
    // One revoke asked, one recorded, with its reason.
    expect(revoked.history.filter((h) => h.event === 'revoke')).toMatchObject([{ actor: { userId: PEOPLE.pat }, note: 'Project over' }]);
    expect(await grantedToConsumer(world)).toEqual({});
  });
});

describe('a grant job in the sandbox (the in-process queue)', () => {
  it('is delivered again after an outage, like SQS would, and ends ACTIVE', async () => {
    const request = await requestThroughModal(world, card, { ...ASK, [REQUEST_BLOCKS.reason]: 'In-process retry' });
    const message = messageWith(world, PEOPLE.pat, request.id, ACTIONS.approve);
    const toldBefore = toldTo(PEOPLE.pat).length;
    world.emulator.controls.faults.add({ service: 'sts', operation: 'AssumeRole', error: 'InternalFailure' });

    await world.post({ kind: 'block_actions', user: PEOPLE.pat, actionId: ACTIONS.approve, on: { channel: message.channel, ts: message.ts }, value: request.id });
    // The first delivery failed and said so; the outage ends before the next delivery.
    await eventually(() => {
      expect(toldTo(PEOPLE.pat).slice(toldBefore).join('\n')).toContain(RETRYING);
    });
    expect((await current(world, request.id)).status).toBe('GRANTING');
    world.emulator.controls.faults.clear();

    const granted = await settled(world, request.id, ['ACTIVE', 'FAILED']);
    expect(granted.status).toBe('ACTIVE');
    expect(dmsAbout(world, PEOPLE.casey, request.id).filter((m) => shown(m).includes('Access granted'))).toHaveLength(1);
    expect(toldTo(PEOPLE.pat).slice(toldBefore).filter((t) => t.includes(RETRYING))).toHaveLength(1);
  });
});
