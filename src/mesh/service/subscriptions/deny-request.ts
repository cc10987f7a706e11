import * as z from 'zod';
import { JustificationSchema, SubscriptionIdSchema } from '../../domain/subscription';
import { canDecide } from '../../rules/can-decide';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { loadProduct, loadSubscription, operationLogger } from './operation-scope';
import { parseInput } from '../parse-input';
import type { SubscriptionWithProduct } from './subscription-with-product';

/** Deny a request, saying why: `{ id, reason: 'use the aggregated product instead' }`. */
export const DenyInputSchema = z.object({ id: SubscriptionIdSchema, reason: JustificationSchema });

export type DenyInput = z.input<typeof DenyInputSchema>;

/** Deny a PENDING request (→ DENIED) with the reason in the history and the decision notes. */
export async function denyRequest(deps: MeshDeps, ctx: RequestContext, input: DenyInput): Promise<SubscriptionWithProduct> {
  const { id, reason } = parseInput(DenyInputSchema, input);
  const subscription = await loadSubscription(deps, id);
  const product = await loadProduct(deps, subscription.productId);
  enforce(canDecide(await resolveActor(deps, ctx), product, subscription));
  const denied = await deps.stores.subscriptions.apply(subscription, {
    event: 'deny',
    actor: ctx.user,
    at: new Date(deps.clock()).toISOString(),
    note: reason,
    patch: { decisionNotes: reason },
  });
  operationLogger(deps, ctx, id).info('request denied');
  return { subscription: denied, product };
}
