import type { BotJob } from '../../bot-job';
import type { JobDeps } from '../run-bot-job';

/** Run a `refresh` job. */
export async function runRefreshJob(job: Extract<BotJob, { kind: 'refresh' }>, deps: JobDeps): Promise<void> {
  deps.logger.warn({ kind: job.kind }, 'job kind not implemented yet');
  await Promise.resolve();
}
