import * as z from 'zod';
import { SubscriptionIdSchema } from '../../domain/subscription';
import { canRevoke } from '../../rules/can-revoke';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { loadProduct, loadSubscription, operationLogger } from './operation-scope';
import { parseInput } from '../parse-input';
import { finishModify } from './modify-subscription';
import { finishRevoke } from './revoke-subscription';
import { grantSubscription } from './run-grant';
import type { SubscriptionWithProduct } from './subscription-with-product';

/** Retry a failed or stuck subscription: `{ id }`. */
export const RetryInputSchema = z.object({ id: SubscriptionIdSchema });

export type RetryInput = z.input<typeof RetryInputSchema>;

/**
 * Retry what did not finish: a FAILED or stuck GRANTING subscription is granted again (only the
 * entries not DONE, then the import), a stuck REVOKING one finishes its revoke, a stuck MODIFYING one
 * its modify. The retry is
 * recorded first (its own history line). Who may: whoever may revoke it (owners, mesh admins, the
 * consumer side); grants still act for the approver.
 */
export async function retrySubscription(deps: MeshDeps, ctx: RequestContext, input: RetryInput): Promise<SubscriptionWithProduct> {
  const { id } = parseInput(RetryInputSchema, input);
  const subscription = await loadSubscription(deps, id);
  const product = await loadProduct(deps, subscription.productId);
  enforce(canRevoke(await resolveActor(deps, ctx), product, subscription));
  // Illegal from any other status: apply() throws IllegalTransitionError naming the legal moves.
  const retried = await deps.stores.subscriptions.apply(subscription, { event: 'retry', actor: ctx.user, at: new Date(deps.clock()).toISOString() });
  operationLogger(deps, ctx, id).info({ from: subscription.status }, 'retry');
  const finish = retried.status === 'REVOKING' ? finishRevoke : retried.status === 'MODIFYING' ? finishModify : grantSubscription;
  return { subscription: await finish(deps, ctx, id), product };
}
