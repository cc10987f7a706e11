import type { BotJob } from '../../bot-job';
import type { JobDeps } from '../run-bot-job';

/** Run a `modify` job. */
export async function runModifyJob(job: Extract<BotJob, { kind: 'modify' }>, deps: JobDeps): Promise<void> {
  deps.logger.warn({ kind: job.kind }, 'job kind not implemented yet');
  await Promise.resolve();
}
