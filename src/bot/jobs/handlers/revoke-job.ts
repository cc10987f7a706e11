import type { BotJob } from '../../bot-job';
import type { JobDeps } from '../run-bot-job';

/** Run a `revoke` job. */
export async function runRevokeJob(job: Extract<BotJob, { kind: 'revoke' }>, deps: JobDeps): Promise<void> {
  deps.logger.warn({ kind: job.kind }, 'job kind not implemented yet');
  await Promise.resolve();
}
