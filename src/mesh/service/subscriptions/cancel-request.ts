import * as z from 'zod';
import { freeText } from '../../domain/free-text';
import { SubscriptionIdSchema } from '../../domain/subscription';
import { canCancel } from '../../rules/can-cancel';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { loadProduct, loadSubscription, operationLogger } from './operation-scope';
import { parseInput } from '../parse-input';
import type { SubscriptionWithProduct } from './subscription-with-product';

/** Cancel one's own pending request: `{ id, reason?: 'asked by mistake' }`. */
export const CancelInputSchema = z.object({ id: SubscriptionIdSchema, reason: freeText().pipe(z.string().max(4096)).optional() });

export type CancelInput = z.input<typeof CancelInputSchema>;

/** Cancel a PENDING request (→ CANCELLED): its requester or a mesh admin. */
export async function cancelRequest(deps: MeshDeps, ctx: RequestContext, input: CancelInput): Promise<SubscriptionWithProduct> {
  const { id, reason } = parseInput(CancelInputSchema, input);
  const subscription = await loadSubscription(deps, id);
  enforce(canCancel(await resolveActor(deps, ctx), subscription));
  const cancelled = await deps.stores.subscriptions.apply(subscription, {
    event: 'cancel',
    actor: ctx.user,
    at: new Date(deps.clock()).toISOString(),
    ...(reason !== undefined && reason !== '' && { note: reason }),
  });
  operationLogger(deps, ctx, id).info('request cancelled');
  return { subscription: cancelled, product: await loadProduct(deps, subscription.productId) };
}
