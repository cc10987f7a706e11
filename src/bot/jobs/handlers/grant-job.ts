import type { BotJob } from '../../bot-job';
import { tellJobFailure } from './job-context';
import { showChange } from '../../notify/show-change';
import type { JobDeps } from '../job-deps';

/**
 * Run a `grant` job: grant the approved subscription and import it on the consumer side
 * (`runGrant`), then update every message about it (ACTIVE with the names to query, or FAILED with
 * the failing entries and [Retry]), DM the requester the outcome and refresh the App Homes concerned.
 */
export async function runGrantJob(job: Extract<BotJob, { kind: 'grant' }>, deps: JobDeps): Promise<void> {
  const { ctx } = job;
  const log = deps.logger;
  try {
    const granted = await deps.mesh.runGrant(ctx, { id: job.id });
    // A job delivered again after its work was done (or for a request withdrawn meanwhile) says nothing twice.
    if (!granted.changed) {
      log.info({ status: granted.subscription.status }, 'nothing to grant');
      return;
    }
    log.info({ status: granted.subscription.status }, 'grant job done');
    await showChange(deps, deps.client, ctx, granted, log, { tell: true, homes: true });
  } catch (error) {
    await tellJobFailure(deps, deps.client, ctx, error, log);
  }
}
