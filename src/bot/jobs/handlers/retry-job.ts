import type { BotJob } from '../../bot-job';
import type { JobDeps } from '../run-bot-job';

/** Run a `retry` job. */
export async function runRetryJob(job: Extract<BotJob, { kind: 'retry' }>, deps: JobDeps): Promise<void> {
  deps.logger.warn({ kind: job.kind }, 'job kind not implemented yet');
  await Promise.resolve();
}
