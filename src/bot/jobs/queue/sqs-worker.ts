import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Logger } from 'pino';
import type * as z from 'zod';
import { formatIssues } from '../../../mesh/domain/format-issues';
import type { JobHandler } from './job-queue';

/**
 * The worker Lambda's handler: parse each SQS record as a job, run it, and report the records that
 * failed as partial batch failures so only those are retried (then dead-lettered, which fires the
 * queue's alarm). The handler learns which delivery it runs from the record's ApproximateReceiveCount.
 */
export function createSqsWorker<S extends z.ZodType>(schema: S, handle: JobHandler<z.infer<S>>, logger: Logger) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    // FIFO: records of one group must run in order, so stop a group at its first failure.
    const failedGroups = new Set<string>();
    for (const record of event.Records) {
      const group = record.attributes.MessageGroupId ?? record.messageId;
      if (failedGroups.has(group)) {
        failures.push({ itemIdentifier: record.messageId });
        continue;
      }
      let body: unknown;
      try {
        body = JSON.parse(record.body);
      } catch {
        // A body that is not JSON will never parse: drop it (logged) rather than retry it forever.
        logger.error({ messageId: record.messageId }, 'job is not JSON; dropped');
        continue;
      }
      const job = schema.safeParse(body);
      if (!job.success) {
        logger.error({ messageId: record.messageId, problems: formatIssues(job.error) }, 'job does not parse; dropped');
        continue;
      }
      const attempt = Number.parseInt(record.attributes.ApproximateReceiveCount, 10);
      try {
        await handle(job.data, { attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1 });
      } catch (error) {
        logger.error({ err: error, messageId: record.messageId, attempt }, 'job failed; SQS will retry it');
        failures.push({ itemIdentifier: record.messageId });
        failedGroups.add(group);
      }
    }
    return { batchItemFailures: failures };
  };
}
