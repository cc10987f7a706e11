import { z } from 'zod';
import { freeText } from '../../domain/free-text';
import { PermissionSchema, PermissionSetSchema } from '../../domain/permission';
import { ColumnFilterSchema, SubscriptionIdSchema, type Subscription } from '../../domain/subscription';
import { transition } from '../../domain/subscription-transition';
import { executeEntries } from '../../execute/grant-executor';
import { executorFor } from '../executor-for';
import { diffPlans } from '../../plan/diff-plans';
import { entriesStillNeeded } from '../../plan/entries-still-needed';
import { canDecide } from '../../rules/can-decide';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { failedResults, failureNote } from './entry-results';
import { decideGrant, modifiablePermissions } from './grant-decision';
import { plansStillHeld } from './held-grants';
import { subscriptionLockKey, loadProduct, loadSubscription, meshSession, operationLogger, subscriptionsOfConsumer } from './operation-scope';
import { parseInput } from '../parse-input';

/** Change an active subscription's grants: `{ id, permissions: ['SELECT'], columns: { kind: 'exclude', names: ['msisdn'] } }`. */
export const ModifyInputSchema = z.object({
  id: SubscriptionIdSchema,
  permissions: PermissionSetSchema,
  grantable: z.array(PermissionSchema).optional(),
  /** A column filter; `null` removes the current one; absent keeps it. */
  columns: ColumnFilterSchema.nullable().optional(),
  notes: freeText().pipe(z.string().max(4096)).optional(),
});

export type ModifyInput = z.input<typeof ModifyInputSchema>;

/**
 * Modify an ACTIVE subscription (owners or mesh admins, not on one's own request): plan anew, then
 * under the grant lock revoke what the new plan drops (except what the account's other
 * subscriptions hold) and grant what it adds, as the producer's role in the mesh for the modifier;
 * record 'modify' (ACTIVE → ACTIVE) with the new plan and every entry's result. Entries that failed
 * stay FAILED in the results and are granted again by the next modify.
 */
export async function modifySubscription(deps: MeshDeps, ctx: RequestContext, input: ModifyInput): Promise<Subscription> {
  const { id, permissions, grantable, columns, notes } = parseInput(ModifyInputSchema, input);
  const log = operationLogger(deps, ctx, id);
  const first = await loadSubscription(deps, id);
  const product = await loadProduct(deps, first.productId);
  enforce(canDecide(await resolveActor(deps, ctx), product, first));
  return deps.locks(subscriptionLockKey(first), async () => {
    const subscription = await loadSubscription(deps, id);
    const move = transition(subscription.status, 'modify');
    if (!move.ok) throw move.error;
    const decision = decideGrant(
      subscription,
      { permissions, ...(grantable !== undefined && { grantable }), ...(columns !== undefined && { columns }) },
      { permissions: modifiablePermissions(product, subscription), what: `offered by product ${product.id}` },
    );
    const diff = diffPlans(subscription.plan, decision.plan);
    const others = (await subscriptionsOfConsumer(deps, subscription.consumerAccountId)).filter((o) => o.id !== id);
    const toRevoke = entriesStillNeeded(diff.revoke, plansStillHeld(others));
    // Entries a previous modify failed to grant are sent again.
    const retried = decision.plan.filter((e) => subscription.results[e.Id]?.outcome === 'FAILED' && !diff.grant.some((g) => g.Id === e.Id));
    const toGrant = [...diff.grant, ...retried];

    const mesh = meshSession(deps, subscription, ctx.user, ctx.requestId);
    const executor = executorFor(deps, mesh.clients.lakeFormation, subscription.meshCatalogId);
    const revoked = await executeEntries('revoke', toRevoke, executor);
    const granted = await executeEntries('grant', toGrant, executor);
    const kept = Object.fromEntries(decision.plan.flatMap((e) => {
      const result = subscription.results[e.Id];
      return result ? [[e.Id, result] as const] : [];
    }));
    const results = { ...kept, ...revoked, ...granted };
    const failed = failedResults({ ...revoked, ...granted });
    const note = [notes, failed.length > 0 ? failureNote({ ...revoked, ...granted }, toRevoke.length + toGrant.length) : undefined].filter(Boolean).join(' — ');
    log.info({ revoked: toRevoke.length, granted: toGrant.length, failed: failed.length }, 'subscription modified');
    return deps.stores.subscriptions.record(id, {
      event: 'modify',
      actor: ctx.user,
      at: new Date(deps.clock()).toISOString(),
      ...(note !== '' && { note }),
      patch: {
        plan: decision.plan,
        results,
        grantedPermissions: decision.grantedPermissions,
        grantablePermissions: decision.grantablePermissions,
        columns: decision.columns,
        ...(notes !== undefined && { decisionNotes: notes }),
      },
    });
  });
}
