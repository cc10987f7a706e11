import type { BotJob } from '../../bot-job';
import { postEphemeralOrDirect, showCurrent } from './job-context';
import { buildChangeDoneMessage } from '../../blocks/change-done-message';
import { failJob } from './job-failure';
import { showChange } from '../../notify/show-change';
import type { JobDeps } from '../job-deps';
import type { JobDelivery } from '../queue/job-queue';

/**
 * Run a `retry` job: grant what a FAILED (or stuck) subscription still misses, or finish a stuck
 * revoke (`retrySubscription`), then update every message, DM the requester and refresh the Homes.
 */
export async function runRetryJob(job: Extract<BotJob, { kind: 'retry' }>, deps: JobDeps, delivery: JobDelivery = { attempt: 1 }): Promise<void> {
  const { ctx } = job;
  const log = deps.logger;
  try {
    const retried = await deps.mesh.retrySubscription(ctx, { id: job.id });
    log.info({ status: retried.subscription.status }, 'retry job done');
    await showChange(deps, deps.client, ctx, retried, log, { tell: true, homes: true });
    // `/mesh retry` promised "You are told here how it went": the outcome is recorded, so a Slack failure here is only logged.
    if (job.replyTo) {
      await postEphemeralOrDirect(deps.client, job.replyTo, buildChangeDoneMessage({ ...retried, asked: 'retry' }), log).catch((error: unknown) => {
        log.warn({ err: error }, 'could not tell who asked for the retry');
      });
    }
  } catch (error) {
    try {
      await failJob(deps, ctx, error, log, delivery, job.replyTo);
    } finally {
      await showCurrent(deps, deps.client, job.id, ctx, log, 'retry');
    }
  }
}
