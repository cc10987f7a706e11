import type { BotJob } from '../../bot-job';
import { failJob } from './job-failure';
import { showChange } from '../../notify/show-change';
import type { JobDeps } from '../job-deps';
import type { JobDelivery } from '../queue/job-queue';

/**
 * Run a `grant` job: grant the approved subscription and import it on the consumer side
 * (`runGrant`), then update every message about it (ACTIVE with the names to query, or FAILED with
 * the failing entries and [Retry]), DM the requester the outcome and refresh the App Homes concerned.
 * A failure that is no refusal (DynamoDB or STS down mid-grant) leaves it GRANTING and is rethrown:
 * the next delivery continues the grant from where it stopped.
 */
export async function runGrantJob(job: Extract<BotJob, { kind: 'grant' }>, deps: JobDeps, delivery: JobDelivery = { attempt: 1 }): Promise<void> {
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
    await failJob(deps, ctx, error, log, delivery);
  }
}
