import type { BotJob } from '../../bot-job';
import { jobLogger, tellJobFailure } from '../../listeners/decisions/job-context';
import { showChange } from '../../listeners/decisions/show-change';
import type { JobDeps } from '../run-bot-job';

/**
 * Run a `retry` job: grant what a FAILED (or stuck) subscription still misses, or finish a stuck
 * revoke (`retrySubscription`), then update every message, DM the requester and refresh the Homes.
 */
export async function runRetryJob(job: Extract<BotJob, { kind: 'retry' }>, deps: JobDeps): Promise<void> {
  const { ctx } = job;
  const log = jobLogger(deps.logger, ctx);
  try {
    const subscription = await deps.mesh.retrySubscription(ctx, { id: job.id });
    log.info({ status: subscription.status }, 'retry job done');
    await showChange(deps, deps.client, ctx, subscription, log, { tell: true, homes: true });
  } catch (error) {
    await tellJobFailure(deps, deps.client, ctx, error, log, job.replyTo);
    await showCurrent(deps, job.id, ctx, log);
  }
}

/** After a failure, the messages show what the record says now (a retry may have got halfway). */
async function showCurrent(deps: JobDeps, id: string, ctx: Extract<BotJob, { kind: 'retry' }>['ctx'], log: ReturnType<typeof jobLogger>): Promise<void> {
  try {
    await showChange(deps, deps.client, ctx, await deps.mesh.getSubscription(ctx, { id }), log);
  } catch (error) {
    log.warn({ err: error }, 'could not show the subscription after a failed retry');
  }
}
