import type { BotJob } from '../../bot-job';
import { systemContext } from './job-context';
import { showChange } from '../../notify/show-change';
import { withProduct } from '../../notify/with-product';
import type { JobDeps } from '../job-deps';
import { isRetryableFailure } from '../../../mesh/service/retryable-failure';

/**
 * Run a `refresh` job: update every message about a subscription to its current state and re-publish
 * the App Homes concerned. A `ref` not yet recorded (a message posted elsewhere, e.g. a list's copy)
 * is recorded first, so it is kept up to date from then on.
 */
export async function runRefreshJob(job: Extract<BotJob, { kind: 'refresh' }>, deps: JobDeps): Promise<void> {
  const log = deps.logger;
  try {
    // Nobody asked: the bot reads and shows the record as itself.
    const ctx = systemContext('refresh-job', job.requestId);
    const subscription = await deps.mesh.getSubscription(ctx, { id: job.id });
    const { ref } = job;
    if (ref !== undefined && !(await deps.notices.list(job.id)).some((known) => known.channel === ref.channel && known.ts === ref.ts)) {
      await deps.notices.add(job.id, ref);
    }
    await showChange(deps, deps.client, ctx, await withProduct(deps, ctx, subscription), log, { messages: job.homesOnly !== true, homes: true });
  } catch (error) {
    // Nobody asked for a refresh: nobody is told. The log says why, and an outage is rethrown for the queue to refresh again.
    log.warn({ err: error }, 'refresh job failed');
    if (isRetryableFailure(error)) throw error;
  }
}
