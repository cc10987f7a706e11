import * as z from 'zod';
import { PermissionSetSchema } from '../../domain/permission';
import { ColumnFilterSchema, JustificationSchema, SubscriptionIdSchema, type Subscription } from '../../domain/subscription';
import { transition } from '../../domain/subscription-transition';
import { AwsRefusedError } from '../../errors';
import { executeEntries } from '../../execute/grant-executor';
import { executorFor } from '../executor-for';
import { diffPlans } from '../../plan/diff-plans';
import { entriesStillNeeded } from '../../plan/entries-still-needed';
import type { MeshDeps } from '../mesh-deps';
import { actingAs, type Caller, type RequestContext } from '../request-context';
import { entriesToGrant, failedResults, failureNote } from './entry-results';
import { plansStillHeld } from './held-grants';
import { consumerSession, lastActorOf, loadSubscription, meshSession, operationLogger, subscriptionsOfConsumer } from './operation-scope';
import { planQueryGrants } from '../../plan/plan-query-grants';
import { changeQueryGrants, queryPlansStillHeld } from './query-grants';
import { subscriptionLockKey } from '../../execute/grant-lock-key';
import { parseInput } from '../parse-input';
import { prepareDecision } from './prepare-decision';
import type { SubscriptionWithProduct } from './subscription-with-product';

/**
 * Change an active subscription's grants, and why: `{ id, permissions: ['SELECT'], columns: { kind:
 * 'exclude', names: ['msisdn'] }, reason: 'read only from now on', expectedVersion: 4 }`.
 */
export const ModifyInputSchema = z.object({
  id: SubscriptionIdSchema,
  permissions: PermissionSetSchema,
  /** A column filter; `null` removes the current one; absent keeps it. */
  columns: ColumnFilterSchema.nullable().optional(),
  /** Why: recorded in the history and told to the requester. */
  reason: JustificationSchema,
  /** The version the modifier saw previewed; a subscription changed since is refused, not modified. */
  expectedVersion: z.number().int().positive().optional(),
});

export type ModifyInput = z.input<typeof ModifyInputSchema>;

/**
 * Finish the modify of a MODIFYING subscription, under the grant lock: revoke what the new plan drops
 * from the previous one (except what the account's other subscriptions hold) and grant every entry of
 * the new plan not yet DONE, as the producer's role in the mesh for the modifier (for the bot itself when
 * the sweep resumes it), changing the query
 * roles' grants to match as the consumer's role (theirs revoked first, granted last); record
 * 'modify-succeeded' (→ ACTIVE) with every entry's result. Refused grants record 'grant-failed'
 * (→ FAILED: retry grants what is missing); a refused revoke leaves it MODIFYING with the results
 * stored, and is thrown, so a retry or the sweep revokes it. Run again after a crash, it finishes the
 * same change without doubling anything.
 */
export async function finishModify(deps: MeshDeps, ctx: Caller, id: string): Promise<Subscription> {
  const log = operationLogger(deps, ctx, id);
  const first = await loadSubscription(deps, id);
  return deps.locks(subscriptionLockKey(first), async () => {
    const subscription = await loadSubscription(deps, id);
    // A job delivered twice finds its work done.
    if (subscription.status === 'ACTIVE' && subscription.previousPlan === undefined) return subscription;
    const move = transition(subscription.status, 'modify-succeeded');
    if (!move.ok) throw move.error;
    const modifier = actingAs(ctx, lastActorOf(subscription, 'modify'));
    const diff = diffPlans(subscription.previousPlan ?? subscription.plan, subscription.plan);
    const others = (await subscriptionsOfConsumer(deps, subscription.consumerAccountId)).filter((o) => o.id !== id);
    const toRevoke = entriesStillNeeded(diff.revoke, plansStillHeld(others));
    // The difference (at permission granularity), and whatever of the new plan is not granted yet (new, or failed before).
    const toGrant = [...diff.grant, ...entriesToGrant(subscription.plan, subscription.results).filter((e) => !diff.grant.some((g) => g.Id === e.Id))];

    // The query roles follow the plan: what they lose goes before the account loses it, what they gain after it gains it.
    const queryPlan = planQueryGrants({ plan: subscription.plan, links: subscription.links, principals: subscription.queryPrincipals ?? [] });
    const queryDiff = diffPlans(subscription.queryPlan ?? [], queryPlan);
    const consumer = consumerSession(deps, subscription, modifier, ctx.requestId);
    await changeQueryGrants(deps, consumer, subscription, 'revoke', entriesStillNeeded(queryDiff.revoke, queryPlansStillHeld(others)));

    const mesh = meshSession(deps, subscription, modifier, ctx.requestId);
    const executor = executorFor(deps, mesh.clients.lakeFormation, subscription.meshCatalogId);
    const revoked = await executeEntries('revoke', toRevoke, executor);
    const granted = await executeEntries('grant', toGrant, executor);
    const kept = Object.fromEntries(subscription.plan.flatMap((e) => {
      const result = subscription.results[e.Id];
      return result ? [[e.Id, result] as const] : [];
    }));
    const results = { ...kept, ...granted };
    const at = new Date(deps.clock()).toISOString();
    if (failedResults(revoked).length > 0) {
      // A grant the new plan drops is still held: stay MODIFYING (results kept) so a retry or the sweep revokes it.
      await deps.stores.subscriptions.save({ ...subscription, results, version: subscription.version + 1, updatedAt: at });
      const first = failedResults(revoked)[0];
      throw new AwsRefusedError(first?.errorCode ?? 'UnknownError', `the modify of subscription ${id} is unfinished: ${failureNote(revoked, toRevoke.length)}`, 'retry the subscription to finish the modify');
    }
    const failed = failedResults(granted);
    // Refused mesh grants leave it FAILED; its retry imports again, which grants the query roles the whole plan.
    if (failed.length === 0) await changeQueryGrants(deps, consumer, subscription, 'grant', queryDiff.grant);
    log.info({ revoked: toRevoke.length, granted: toGrant.length, failed: failed.length, queryGrants: queryDiff.grant.length, queryRevokes: queryDiff.revoke.length }, 'subscription modified');
    // Refused grants leave it FAILED: what it holds is counted, and retry grants the rest.
    return deps.stores.subscriptions.apply(subscription, {
      event: failed.length > 0 ? 'grant-failed' : 'modify-succeeded',
      actor: { system: 'modify-job' },
      at,
      ...(failed.length > 0 && { note: failureNote(granted, toGrant.length) }),
      patch: { results, previousPlan: undefined, queryPlan },
    }, 'rebase');
  });
}

/**
 * Modify an ACTIVE subscription, for a reason (owners or mesh admins, not on one's own request):
 * check and plan it as its preview does (`prepareDecision`), refuse it if the subscription changed
 * since the version confirmed, and record 'modify' (→ MODIFYING) with the new plan, the one it
 * replaces and the decision, in one conditional write before any Lake Formation call — of a modify and a concurrent revoke (or second
 * modify) exactly one wins the write, and the loser never touches AWS. Then finish it (see
 * `finishModify`).
 */
export async function modifySubscription(deps: MeshDeps, ctx: RequestContext, input: ModifyInput): Promise<SubscriptionWithProduct> {
  const { id, permissions, columns, reason, expectedVersion } = parseInput(ModifyInputSchema, input);
  const changes = { permissions, ...(columns !== undefined && { columns }) };
  const { subscription, product, decision } = await prepareDecision(deps, ctx, { id, changes, kind: 'modify', expectedVersion });
  // What stays in the plan keeps its result; what is new has none yet; entries a previous modify failed to grant are sent again.
  const kept = Object.fromEntries(decision.plan.flatMap((e) => {
    const result = subscription.results[e.Id];
    return result?.outcome === 'DONE' ? [[e.Id, result] as const] : [];
  }));
  await deps.stores.subscriptions.apply(subscription, {
    event: 'modify',
    actor: ctx.user,
    at: new Date(deps.clock()).toISOString(),
    note: reason,
    patch: {
      plan: decision.plan,
      previousPlan: subscription.plan,
      results: kept,
      grantedPermissions: decision.grantedPermissions,
      grantablePermissions: decision.grantablePermissions,
      columns: decision.columns,
      decisionNotes: reason,
    },
  });
  return { subscription: await finishModify(deps, ctx, id), product };
}
