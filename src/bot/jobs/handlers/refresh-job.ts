import { subscriptionNotFound } from '../../../mesh/errors';
import type { BotJob } from '../../bot-job';
import { systemContext } from '../job-context';
import { showChange } from '../../listeners/decisions/show-change';
import type { JobDeps } from '../run-bot-job';

/**
 * Run a `refresh` job: update every message about a subscription to its current state and re-publish
 * the App Homes concerned. A `ref` not yet recorded (a message posted elsewhere, e.g. a list's copy)
 * is recorded first, so it is kept up to date from then on.
 */
export async function runRefreshJob(job: Extract<BotJob, { kind: 'refresh' }>, deps: JobDeps): Promise<void> {
  const log = deps.logger;
  try {
    // The bot's own work has no user to read as: it reads the record itself.
    const subscription = await deps.mesh.deps.stores.subscriptions.get(job.id);
    if (subscription === undefined) throw subscriptionNotFound(job.id);
    const { ref } = job;
    if (ref !== undefined && !(await deps.notices.list(job.id)).some((known) => known.channel === ref.channel && known.ts === ref.ts)) {
      await deps.notices.add(job.id, ref);
    }
    await showChange(deps, deps.client, systemContext(deps, job.requestId, subscription), subscription, log, { homes: true });
  } catch (error) {
    // Nobody asked for a refresh; the messages stay as they were, and the log says why.
    log.warn({ err: error }, 'refresh job failed');
  }
}
