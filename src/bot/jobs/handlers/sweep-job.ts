import type { Logger } from 'pino';
import type { Subscription } from '../../../mesh/domain/subscription';
import { sameUser } from '../../../mesh/rules/actor';
import type { BotJob } from '../../bot-job';
import { buildPendingReminderMessage } from '../../blocks/pending-reminder-message';
import { systemContext } from './job-context';
import { showChange } from '../../notify/show-change';
import { postDirect } from '../../notify/slack-dm';
import { withProduct } from '../../notify/with-product';
import type { JobDeps } from '../job-deps';
import { isRetryableFailure } from '../../../mesh/service/retryable-failure';

/** The notice subject that marks a request whose owners were reminded (once per request). */
export function reminderMarker(subscriptionId: string): string {
  return `reminder:${subscriptionId}`;
}

/** Expired requests: every message says EXPIRED, the requester is told, the Homes drop the buttons. */
async function showExpired(job: Extract<BotJob, { kind: 'sweep' }>, deps: JobDeps, expired: readonly Subscription[], log: Logger): Promise<void> {
  for (const subscription of expired) {
    const scoped = log.child({ subscriptionId: subscription.id });
    const ctx = systemContext('sweep-job', job.requestId);
    await showChange(deps, deps.client, ctx, await withProduct(deps, ctx, subscription), scoped, { tell: true, homes: true });
    scoped.info('request expired');
  }
}

/**
 * Remind the owners of requests waiting too long: a DM each with the request and its buttons, once
 * per request. The reminders are recorded among the request's messages too, so a decision updates
 * them like the original request.
 */
async function remind(job: Extract<BotJob, { kind: 'sweep' }>, deps: JobDeps, due: readonly Subscription[], log: Logger): Promise<number> {
  let sent = 0;
  for (const subscription of due) {
    const scoped = log.child({ subscriptionId: subscription.id });
    try {
      if ((await deps.notices.list(reminderMarker(subscription.id))).length > 0) continue;
      const product = await deps.mesh.getProduct(systemContext('sweep-job', job.requestId), { productId: subscription.productId });
      const now = new Date(deps.clock());
      const owners = product.owners.filter((o, i, all) => !sameUser(o, subscription.requester) && all.findIndex((x) => sameUser(x, o)) === i);
      for (const owner of owners) {
        const posted = await postDirect(deps.client, owner.userId, buildPendingReminderMessage({ subscription, product, recipient: 'owner', now }));
        await deps.notices.add(reminderMarker(subscription.id), posted);
        await deps.notices.add(subscription.id, { ...posted, view: 'owner' });
        sent += 1;
      }
      scoped.info({ owners: owners.length }, 'owners reminded');
    } catch (error) {
      scoped.warn({ err: error }, 'could not remind the owners');
    }
  }
  return sent;
}

/** Products whose sync is due, synced one at a time by the bot itself (a failure is logged; the next sweep tries again). */
async function syncDue(job: Extract<BotJob, { kind: 'sweep' }>, deps: JobDeps, log: Logger): Promise<number> {
  let synced = 0;
  for (const product of await deps.mesh.system.productsDueForSync()) {
    const scoped = log.child({ productId: product.id });
    try {
      const report = await deps.mesh.system.syncProduct({ requestId: job.requestId, productId: product.id });
      scoped.info({ added: report.added.length, changed: report.changed.length, gone: report.gone.length, partitions: report.partitions }, 'product synced');
      synced += 1;
    } catch (error) {
      scoped.warn({ err: error }, 'scheduled sync failed');
    }
  }
  return synced;
}

/**
 * Finish the subscriptions a job left half-way, and say so everywhere: every message shows where each
 * ended (ACTIVE, REVOKED, or FAILED with its reason and [Retry]), the requester is told, the Homes follow.
 */
async function resume(job: Extract<BotJob, { kind: 'sweep' }>, deps: JobDeps, log: Logger): Promise<number> {
  // Without a cutoff of its own, the mesh's: `resumeInterruptedAfterMinutes` ago.
  const resumed = await deps.mesh.system.resumeInterrupted({ requestId: job.requestId, ...(job.resumeUpdatedBefore !== undefined && { updatedBeforeMs: Date.parse(job.resumeUpdatedBefore) }) });
  for (const { subscription, problem } of resumed) {
    const scoped = log.child({ subscriptionId: subscription.id });
    // Still waiting for its RAM share: the messages show it, the requester was told once already.
    const waiting = subscription.status === 'GRANTING';
    const ctx = systemContext('sweep-job', job.requestId);
    await showChange(deps, deps.client, ctx, await withProduct(deps, ctx, subscription), scoped, { tell: !waiting, homes: !waiting });
    if (problem === undefined) scoped.info({ status: subscription.status }, 'interrupted subscription finished');
    else scoped.warn({ status: subscription.status, problem }, 'interrupted subscription could not be finished');
  }
  return resumed.length;
}

/**
 * Run a `sweep` job (scheduled, and once after a restart): finish what a killed job left half-way,
 * expire requests undecided too long and say so everywhere, remind the owners of requests waiting long
 * (once each), and sync the products that are due. A failure that is no refusal (the store down) is
 * rethrown, so the queue runs the sweep again.
 */
export async function runSweepJob(job: Extract<BotJob, { kind: 'sweep' }>, deps: JobDeps): Promise<void> {
  const log = deps.logger;
  try {
    const resumed = await resume(job, deps, log);
    if (resumed > 0) log.info({ resumed }, 'interrupted subscriptions resumed');
    const { expired, remindersDue } = await deps.mesh.system.expirePending();
    await showExpired(job, deps, expired, log);
    const reminded = await remind(job, deps, remindersDue, log);
    const synced = await syncDue(job, deps, log);
    log.info({ expired: expired.length, reminded, synced }, 'sweep done');
  } catch (error) {
    log.error({ err: error }, 'sweep failed');
    if (isRetryableFailure(error)) throw error;
  }
}
