import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { JobQueue } from './job-queue';

/** Where and how jobs go to SQS. */
export interface SqsQueueOptions<J> {
  sqs: SQSClient;
  /** A FIFO queue: jobs of one group run in order, one at a time, across every worker. */
  queueUrl: string;
  /** The group of a job, e.g. `<grantor catalog>#<grantee account>`, so grants on one pair never collide. */
  groupOf: (job: J) => string;
  /** A stable id per job: SQS drops a duplicate sent within 5 minutes (a Slack retry, a double click). */
  idOf: (job: J) => string;
}

/** A JobQueue on an SQS FIFO queue (the Lambda wiring); the worker Lambda consumes it. */
export function createSqsQueue<J>({ sqs, queueUrl, groupOf, idOf }: SqsQueueOptions<J>): JobQueue<J> {
  return {
    async enqueue(job) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(job),
          MessageGroupId: groupOf(job),
          MessageDeduplicationId: idOf(job).slice(0, 128),
        }),
      );
    },
  };
}
