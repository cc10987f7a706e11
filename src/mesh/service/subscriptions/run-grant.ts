import * as z from 'zod';
import type { EntryResult } from '../../domain/grant-entry';
import { SubscriptionIdSchema, type Subscription } from '../../domain/subscription';
import { InvitationExpiredError, MeshError, ShareNotReadyError, StaleWriteError } from '../../errors';
import { executeEntries } from '../../execute/grant-executor';
import { executorFor } from '../executor-for';
import type { MeshDeps } from '../mesh-deps';
import { actingAs, type Caller } from '../request-context';
import { entriesToGrant, failedResults, failureNote, markAllFailed } from './entry-results';
import { importOnConsumer } from './import-on-consumer';
import { loadProduct, loadSubscription, meshSession, operationLogger } from './operation-scope';
import { subscriptionLockKey } from '../../execute/grant-lock-key';
import { parseInput } from '../parse-input';
import type { Logger } from 'pino';
import type { SubscriptionWithProduct } from './subscription-with-product';

/** The grant job of one approved subscription: `{ id }`. */
export const RunGrantInputSchema = z.object({ id: SubscriptionIdSchema });

export type RunGrantInput = z.input<typeof RunGrantInputSchema>;

/** Store entry results without changing status, so a crash after the grants does not redo them. */
async function checkpoint(deps: MeshDeps, subscription: Subscription, results: Record<string, EntryResult>): Promise<Subscription> {
  const next = { ...subscription, results, version: subscription.version + 1, updatedAt: new Date(deps.clock()).toISOString() };
  try {
    await deps.stores.subscriptions.save(next);
    return next;
  } catch (error) {
    // Someone else wrote meanwhile; the final record re-reads and applies on top, so carry on.
    if (error instanceof StaleWriteError) return { ...subscription, results };
    throw error;
  }
}

/**
 * Since when the subscription has waited for its RAM share: the first `share-pending` of the current
 * run of them (a retry or a new approval starts a new wait), else now.
 */
function waitingSince(subscription: Subscription, now: string): string {
  let since = now;
  for (const entry of subscription.history.toReversed()) {
    if (entry.event === 'share-pending') since = entry.at;
    else if (!(entry.event === 'retry' && 'system' in entry.actor)) break;
  }
  return since;
}

/**
 * Grant an approved (GRANTING) subscription and import it on the consumer side: under the lock of
 * (mesh catalog, consumer account), execute the plan entries not yet DONE as the producer's role in
 * the mesh with SourceIdentity = the approver, store every entry's result, then accept the share and
 * create the links as the consumer's role with SourceIdentity = the requester. Any failure is
 * recorded (→ FAILED, retryable) with its reason, not thrown; success records the shares and links
 * (→ ACTIVE). A RAM share not delivered yet leaves it GRANTING with a `share-pending` note for the
 * sweep to look again, until `shareWaitHours` have passed (→ FAILED). Running it again after a crash
 * finishes the job without doubling anything. Resumed by the sweep (a system caller), it acts as the bot
 * itself (`meshbot-system`) on both sides.
 */
export async function runGrant(deps: MeshDeps, ctx: Caller, input: RunGrantInput): Promise<SubscriptionWithProduct & { changed: boolean }> {
  const { id } = parseInput(RunGrantInputSchema, input);
  const { subscription, changed } = await grantUnderLock(deps, ctx, id);
  return { subscription, product: await loadProduct(deps, subscription.productId), changed };
}

/** `runGrant`'s work: the subscription as the grant left it. */
export async function grantSubscription(deps: MeshDeps, ctx: Caller, id: string): Promise<Subscription> {
  return (await grantUnderLock(deps, ctx, id)).subscription;
}

/** The grant under its lock; `changed` is false when there was nothing to grant. */
async function grantUnderLock(deps: MeshDeps, ctx: Caller, id: string): Promise<{ subscription: Subscription; changed: boolean }> {
  const log = operationLogger(deps, ctx, id);
  const first = await loadSubscription(deps, id);
  return deps.locks(subscriptionLockKey(first), async () => {
    const subscription = await loadSubscription(deps, id);
    // A job delivered twice finds its work done; one for a subscription revoked or cancelled while it queued has none.
    if (subscription.status !== 'GRANTING') return { subscription, changed: false };
    return { subscription: await grant(deps, ctx, subscription, log), changed: true };
  });
}

/** Grant a GRANTING subscription (the caller holds its lock) and record the outcome. */
async function grant(deps: MeshDeps, ctx: Caller, subscription: Subscription, log: Logger): Promise<Subscription> {
  const approver = actingAs(ctx, subscription.decidedBy);
  const at = (): string => new Date(deps.clock()).toISOString();
  const system = { system: 'grant-job' };

  let current = subscription;
  const pending = entriesToGrant(subscription.plan, subscription.results);
  if (pending.length > 0) {
    const mesh = meshSession(deps, subscription, approver, ctx.requestId);
    const executed = await executeEntries('grant', pending, executorFor(deps, mesh.clients.lakeFormation, subscription.meshCatalogId));
    const results = { ...subscription.results, ...executed };
    if (failedResults(results).length > 0) {
      const note = failureNote(results, subscription.plan.length);
      log.warn({ failed: failedResults(results).length }, 'grant failed');
      return deps.stores.subscriptions.apply(subscription, { event: 'grant-failed', actor: system, at: at(), note, patch: { results } }, 'rebase');
    }
    current = await checkpoint(deps, subscription, results);
    log.info({ granted: pending.length }, 'grants done');
  }

  try {
    const { ramShares, links, queryPlan } = await importOnConsumer(deps, current, approver, ctx.requestId);
    log.info({ links: links.length, ramShares: ramShares.length, queryGrants: queryPlan.length }, 'imported on the consumer side');
    return await deps.stores.subscriptions.apply(current, { event: 'grant-succeeded', actor: system, at: at(), patch: { results: current.results, ramShares, links, queryPlan } }, 'rebase');
  } catch (error) {
    if (!(error instanceof MeshError)) throw error;
    if (error instanceof ShareNotReadyError) {
      const since = waitingSince(current, at());
      if (deps.clock() - Date.parse(since) < deps.config.shareWaitHours * 3_600_000) {
        log.info({ since, waitingFor: error.waitingFor }, 'waiting for the RAM share');
        return deps.stores.subscriptions.apply(current, { event: 'share-pending', actor: system, at: at(), note: error.message.slice(0, 4096), patch: { results: current.results } }, 'rebase');
      }
      log.warn({ since }, 'the RAM share never arrived');
      const note = `${error.message}, ${deps.config.shareWaitHours} hours after the grant; retry sends the grant again`;
      const results = { ...current.results, ...markAllFailed(current.plan, { code: error.code, message: note }, at()) };
      return deps.stores.subscriptions.apply(current, { event: 'grant-failed', actor: system, at: at(), note: note.slice(0, 4096), patch: { results } }, 'rebase');
    }
    // An expired invitation means the grants never reached the consumer: mark them all, so a retry grants again (which sends a new invitation).
    const results = error instanceof InvitationExpiredError ? { ...current.results, ...markAllFailed(current.plan, { code: error.code, message: error.message }, at()) } : current.results;
    log.warn({ code: error.code }, 'import failed');
    return deps.stores.subscriptions.apply(current, { event: 'grant-failed', actor: system, at: at(), note: error.message.slice(0, 4096), patch: { results } }, 'rebase');
  }
}
