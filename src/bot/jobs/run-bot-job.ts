import type { BotJob } from '../bot-job';
import type { JobDeps } from './job-deps';
import type { JobDelivery } from './queue/job-queue';
import { runGrantJob } from './handlers/grant-job';
import { runModifyJob } from './handlers/modify-job';
import { runPublishJob } from './handlers/publish-job';
import { runRefreshJob } from './handlers/refresh-job';
import { runRetryJob } from './handlers/retry-job';
import { runRevokeJob } from './handlers/revoke-job';
import { runSweepJob } from './handlers/sweep-job';
import { logFields } from '../../mesh/service/log-fields';

/**
 * Run one job of the bot (the in-process queue's handler, and the SQS worker's). It rejects when the job
 * failed in a way a later delivery may mend, for the queue to deliver it again.
 */
export async function runBotJob(queued: BotJob, deps: JobDeps, delivery: JobDelivery = { attempt: 1 }): Promise<void> {
  // The job's lines and the mesh's lines for it carry the same fields, the job's kind among them.
  const job: BotJob = 'ctx' in queued ? { ...queued, ctx: { ...queued.ctx, origin: { ...queued.ctx.origin, job: queued.kind } } } : queued;
  const fields = 'ctx' in job ? logFields(job.ctx) : { requestId: job.requestId, job: job.kind };
  const log = deps.logger.child({ ...fields, ...('id' in job && { subscriptionId: job.id }), ...(delivery.attempt > 1 && { attempt: delivery.attempt }) });
  const scoped = { ...deps, logger: log };
  switch (job.kind) {
    case 'grant':
      return runGrantJob(job, scoped, delivery);
    case 'retry':
      return runRetryJob(job, scoped, delivery);
    case 'revoke':
      return runRevokeJob(job, scoped, delivery);
    case 'modify':
      return runModifyJob(job, scoped, delivery);
    case 'publish':
      return runPublishJob(job, scoped, delivery);
    case 'sweep':
      return runSweepJob(job, scoped);
    case 'refresh':
      return runRefreshJob(job, scoped);
  }
}
