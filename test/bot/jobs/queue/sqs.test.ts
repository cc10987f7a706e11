import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobGroup, type BotJob } from '../../../../src/bot/bot-job';
import { subscriptionLockKey } from '../../../../src/mesh/execute/grant-lock-key';
import { createSqsQueue } from '../../../../src/bot/jobs/queue/sqs-queue';
import { createSqsWorker } from '../../../../src/bot/jobs/queue/sqs-worker';

const JobSchema = z.object({ id: z.string(), pair: z.string() });
type Job = z.infer<typeof JobSchema>;

// SQS cannot run here: a stub of its JSON wire protocol on 127.0.0.1 records what the SDK sends.
let server: Server;
const received: { target: string | undefined; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as { MessageBody?: string };
      received.push({ target: req.headers['x-amz-target'] as string | undefined, body });
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      // The SDK checks the MD5 of the body it sent, as SQS answers it.
      const md5 = createHash('md5').update(body.MessageBody ?? '').digest('hex');
      res.end(JSON.stringify({ MessageId: 'm-1', MD5OfMessageBody: md5, SequenceNumber: '1' }));
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    }),
);

const record = (messageId: string, body: string, group: string): SQSRecord =>
  ({ messageId, body, attributes: { MessageGroupId: group } }) as unknown as SQSRecord;

describe('SQS job queue', () => {
  it('sends a job to the FIFO queue grouped by pair and deduplicated by id', async () => {
    const sqs = new SQSClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: 'us-east-1', credentials: { accessKeyId: 'k', secretAccessKey: 's' } });
    const queue = createSqsQueue<Job>({ sqs, queueUrl: 'https://sqs.us-east-1.amazonaws.com/555555555555/meshbot-jobs.fifo', groupOf: (j) => j.pair, idOf: (j) => j.id });

    await queue.enqueue({ id: 'grant-01J', pair: '555555555555#999999999999' });

    expect(received.at(-1)).toEqual({
      target: 'AmazonSQS.SendMessage',
      body: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/555555555555/meshbot-jobs.fifo',
        MessageBody: '{"id":"grant-01J","pair":"555555555555#999999999999"}',
        MessageGroupId: '555555555555#999999999999',
        MessageDeduplicationId: 'grant-01J',
      },
    });
    sqs.destroy();
  });
});

describe('SQS worker', () => {
  it('reports only failed records, holds back later records of a failed group, and drops what never parses', async () => {
    const ran: string[] = [];
    const worker = createSqsWorker(JobSchema, (job) => {
      if (job.id === 'fails') return Promise.reject(new Error('LF busy'));
      ran.push(job.id);
      return Promise.resolve();
    }, pino({ level: 'silent' }));
    const event: SQSEvent = {
      Records: [
        record('1', '{"id":"ok-1","pair":"A"}', 'A'),
        record('2', '{"id":"fails","pair":"B"}', 'B'),
        record('3', '{"id":"after-failure","pair":"B"}', 'B'),
        record('4', 'not json', 'C'),
        record('5', '{"id":42}', 'D'),
        record('6', '{"id":"ok-2","pair":"A"}', 'A'),
      ],
    };

    const answer = await worker(event);

    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '2' }, { itemIdentifier: '3' }]);
    expect(ran).toEqual(['ok-1', 'ok-2']);
  });
});

describe('jobGroup', () => {
  const ctx = { user: { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' }, requestId: 'r-1' };
  const casey = { meshCatalogId: '555555555555', consumerAccountId: '999999999999' };

  it('puts every job that changes grants of one consumer account in one group, whatever the subscription', () => {
    const group = subscriptionLockKey(casey);
    const jobs: BotJob[] = [
      { kind: 'grant', id: '01JA', ctx, group },
      { kind: 'revoke', id: '01JB', reason: 'done', ctx, group },
      { kind: 'modify', input: { id: '01JA', permissions: ['SELECT'] }, ctx, group },
      { kind: 'retry', id: '01JC', ctx, group },
    ];

    expect(new Set(jobs.map(jobGroup))).toEqual(new Set(['555555555555#999999999999']));
    expect(jobGroup({ kind: 'refresh', id: '01JA', requestId: 'r-2' })).toBe('01JA');
    expect(jobGroup({ kind: 'sweep', requestId: 'r-3' })).toBe('sweep');
  });
});
