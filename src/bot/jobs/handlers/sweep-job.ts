import type { BotJob } from '../../bot-job';
import type { JobDeps } from '../run-bot-job';

/** Run a `sweep` job. */
export async function runSweepJob(job: Extract<BotJob, { kind: 'sweep' }>, deps: JobDeps): Promise<void> {
  deps.logger.warn({ kind: job.kind }, 'job kind not implemented yet');
  await Promise.resolve();
}
