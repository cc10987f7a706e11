import type { BotJob } from '../../bot-job';
import { postEphemeralOrDirect, showCurrent } from './job-context';
import { failJob } from './job-failure';
import { showChange } from '../../notify/show-change';
import { buildChangeDoneMessage } from '../../blocks/change-done-message';
import type { JobDeps } from '../job-deps';
import type { JobDelivery } from '../queue/job-queue';

/**
 * Run a `revoke` job: revoke the subscription's grants and delete its links (`revokeSubscription`),
 * then update every message (REVOKED), DM the requester with the reason and refresh the Homes. An
 * unfinished revoke stays REVOKING, is shown so, and the revoker is told why.
 */
export async function runRevokeJob(job: Extract<BotJob, { kind: 'revoke' }>, deps: JobDeps, delivery: JobDelivery = { attempt: 1 }): Promise<void> {
  const { ctx } = job;
  const log = deps.logger;
  try {
    const revoked = await deps.mesh.revokeSubscription(ctx, { id: job.id, reason: job.reason });
    log.info({ status: revoked.subscription.status }, 'revoke job done');
    await showChange(deps, deps.client, ctx, revoked, log, { tell: true, homes: true });
    // The command promised "You are told here when…": the change is recorded, so a Slack failure here is only logged.
    if (job.replyTo) await postEphemeralOrDirect(deps.client, job.replyTo, buildChangeDoneMessage(revoked), log).catch((error: unknown) => {
      log.warn({ err: error }, 'could not tell who asked for the revoke');
    });
  } catch (error) {
    try {
      await failJob(deps, ctx, error, log, delivery, job.replyTo);
    } finally {
      await showCurrent(deps, deps.client, job.id, ctx, log, 'revoke');
    }
  }
}
