import * as z from 'zod';
import { deleteLinks } from '../../aws/consumer-links';
import { glueCatalog } from '../../aws/glue-catalog';
import { JustificationSchema, SubscriptionIdSchema, type Subscription } from '../../domain/subscription';
import { transition } from '../../domain/subscription-transition';
import { AwsRefusedError } from '../../errors';
import { executeEntries } from '../../execute/grant-executor';
import { executorFor } from '../executor-for';
import { entriesStillNeeded } from '../../plan/entries-still-needed';
import { planRevoke } from '../../plan/plan-revoke';
import { canRevoke } from '../../rules/can-revoke';
import type { MeshDeps } from '../mesh-deps';
import { actingAs, type Caller, type RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { failedResults, failureNote } from './entry-results';
import { changeQueryGrants, queryPlansStillHeld } from './query-grants';
import { linksToDelete, plansStillHeld } from './held-grants';
import { consumerSession, lastActorOf, loadProduct, loadSubscription, meshSession, operationLogger, subscriptionsOfConsumer } from './operation-scope';
import { subscriptionLockKey } from '../../execute/grant-lock-key';
import { parseInput } from '../parse-input';
import type { SubscriptionWithProduct } from './subscription-with-product';

/** Revoke a subscription, saying why: `{ id, reason: 'project ended' }`. */
export const RevokeInputSchema = z.object({ id: SubscriptionIdSchema, reason: JustificationSchema });

export type RevokeInput = z.input<typeof RevokeInputSchema>;

/**
 * Finish the revoke of a REVOKING subscription, under the grant lock: revoke its query roles' grants,
 * as the consumer's role, then its plan, as the producer's role in the mesh, for the user who
 * revoked (for the bot itself when the sweep resumes it) — each except what the consumer account's other subscriptions still hold; delete the consumer links no other subscription uses, as the consumer's role;
 * record REVOKED. A failure leaves it REVOKING with the entries' results stored, and is thrown.
 */
export async function finishRevoke(deps: MeshDeps, ctx: Caller, id: string): Promise<Subscription> {
  const log = operationLogger(deps, ctx, id);
  const first = await loadSubscription(deps, id);
  return deps.locks(subscriptionLockKey(first), async () => {
    const subscription = await loadSubscription(deps, id);
    if (subscription.status === 'REVOKED') return subscription;
    const move = transition(subscription.status, 'revoke-succeeded');
    if (!move.ok) throw move.error;
    const revoker = actingAs(ctx, lastActorOf(subscription, 'revoke'));
    const others = (await subscriptionsOfConsumer(deps, subscription.consumerAccountId)).filter((o) => o.id !== id);

    // The query roles' grants go first: the consumer account re-grants what it received, so it must still hold it.
    const consumer = consumerSession(deps, subscription, revoker, ctx.requestId);
    const queryEntries = entriesStillNeeded(planRevoke(subscription.queryPlan ?? []), queryPlansStillHeld(others));
    await changeQueryGrants(deps, consumer, subscription, 'revoke', queryEntries);

    const entries = entriesStillNeeded(planRevoke(subscription.plan), plansStillHeld(others));
    const mesh = meshSession(deps, subscription, revoker, ctx.requestId);
    const executed = await executeEntries('revoke', entries, executorFor(deps, mesh.clients.lakeFormation, subscription.meshCatalogId));
    const results = { ...subscription.results, ...executed };
    if (failedResults(executed).length > 0) {
      await deps.stores.subscriptions.save({ ...subscription, results, version: subscription.version + 1, updatedAt: new Date(deps.clock()).toISOString() });
      const first = failedResults(executed)[0];
      throw new AwsRefusedError(first?.errorCode ?? 'UnknownError', `the revoke of subscription ${id} is unfinished: ${failureNote(executed, entries.length)}`, 'retry the subscription to finish the revoke');
    }

    const { links, dropEmpty } = linksToDelete(subscription.links, others);
    if (links.length > 0) {
      const catalog = glueCatalog({ client: consumer.clients.glue, catalogId: subscription.consumerAccountId, ...consumer.site, retry: deps.executor });
      await deleteLinks(catalog, links, dropEmpty);
    }
    log.info({ revoked: entries.length, queryGrantsRevoked: queryEntries.length, linksDeleted: links.length }, 'subscription revoked');
    return deps.stores.subscriptions.apply(subscription, {
      event: 'revoke-succeeded',
      actor: { system: 'revoke-job' },
      at: new Date(deps.clock()).toISOString(),
      note: `revoked ${entries.length} of ${subscription.plan.length} plan entries (the rest still serve other subscriptions of account ${subscription.consumerAccountId}); revoked ${queryEntries.length} grant(s) to query roles; deleted ${links.length} resource link(s)`,
      patch: { results },
    }, 'rebase');
  });
}

/**
 * Revoke a subscription (ACTIVE, or FAILED to give up on it): product owners, mesh admins or the
 * consumer side. Records REVOKING with the reason, then finishes the revoke (see `finishRevoke`);
 * the record is kept, with its history, as REVOKED. The same revoke asked again while it is still
 * REVOKING (its job delivered again after an outage stopped it: same reason) finishes it; any other
 * revoke of a REVOKING subscription is refused (a retry finishes it).
 */
export async function revokeSubscription(deps: MeshDeps, ctx: RequestContext, input: RevokeInput): Promise<SubscriptionWithProduct> {
  const { id, reason } = parseInput(RevokeInputSchema, input);
  const subscription = await loadSubscription(deps, id);
  const product = await loadProduct(deps, subscription.productId);
  enforce(canRevoke(await resolveActor(deps, ctx), product, subscription));
  const again = subscription.status === 'REVOKING' && subscription.history.findLast((h) => h.event === 'revoke')?.note === reason;
  if (!again) await deps.stores.subscriptions.apply(subscription, { event: 'revoke', actor: ctx.user, at: new Date(deps.clock()).toISOString(), note: reason });
  return { subscription: await finishRevoke(deps, ctx, id), product };
}
