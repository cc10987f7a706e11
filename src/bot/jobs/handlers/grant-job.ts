import type { BotJob } from '../../bot-job';
import { jobLogger, tellJobFailure } from '../job-context';
import { showChange } from '../../listeners/decisions/show-change';
import type { JobDeps } from '../run-bot-job';

/**
 * Run a `grant` job: grant the approved subscription and import it on the consumer side
 * (`runGrant`), then update every message about it (ACTIVE with the names to query, or FAILED with
 * the failing entries and [Retry]), DM the requester the outcome and refresh the App Homes concerned.
 */
export async function runGrantJob(job: Extract<BotJob, { kind: 'grant' }>, deps: JobDeps): Promise<void> {
  const { ctx } = job;
  const log = jobLogger(deps.logger, ctx);
  try {
    const before = await deps.mesh.getSubscription(ctx, { id: job.id });
    // A job delivered again after its work was done says nothing twice.
    if (before.status !== 'GRANTING') {
      log.info({ status: before.status }, 'nothing to grant');
      return;
    }
    const subscription = await deps.mesh.runGrant(ctx, { id: job.id });
    log.info({ status: subscription.status }, 'grant job done');
    await showChange(deps, deps.client, ctx, subscription, log, { tell: true, homes: true });
  } catch (error) {
    await tellJobFailure(deps, deps.client, ctx, error, log);
  }
}
