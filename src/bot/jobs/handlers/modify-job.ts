import { ModifyInputSchema } from '../../../mesh/service/subscriptions/modify-subscription';
import { parseInput } from '../../../mesh/service/parse-input';
import type { BotJob } from '../../bot-job';
import { postEphemeralOrDirect } from './job-context';
import { failJob } from './job-failure';
import { showChange } from '../../notify/show-change';
import { buildChangeDoneMessage } from '../../blocks/change-done-message';
import type { JobDeps } from '../job-deps';
import type { JobDelivery } from '../queue/job-queue';

/**
 * Run a `modify` job: change an ACTIVE subscription's grants (`modifySubscription`, revoking and
 * granting only the difference), then update every message, DM the requester and refresh the Homes.
 */
export async function runModifyJob(job: Extract<BotJob, { kind: 'modify' }>, deps: JobDeps, delivery: JobDelivery = { attempt: 1 }): Promise<void> {
  const { ctx } = job;
  const log = deps.logger;
  try {
    const input = parseInput(ModifyInputSchema, job.input, 'modify');
    const modified = await deps.mesh.modifySubscription(ctx, input);
    log.info({ subscriptionId: modified.subscription.id, permissions: modified.subscription.grantedPermissions }, 'modify job done');
    await showChange(deps, deps.client, ctx, modified, log, { tell: true, homes: true });
    // The command promised "You are told here when…": the change is recorded, so a Slack failure here is only logged.
    if (job.replyTo) await postEphemeralOrDirect(deps.client, job.replyTo, buildChangeDoneMessage(modified), log).catch((error: unknown) => {
      log.warn({ err: error }, 'could not tell who asked for the modify');
    });
  } catch (error) {
    await failJob(deps, ctx, error, log, delivery, job.replyTo);
  }
}
