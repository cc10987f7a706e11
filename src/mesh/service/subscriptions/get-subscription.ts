import * as z from 'zod';
import { SubscriptionIdSchema, type Subscription } from '../../domain/subscription';
import type { MeshDeps } from '../mesh-deps';
import { isSystem, type Caller } from '../request-context';
import { loadSubscription } from './operation-scope';
import { parseInput } from '../parse-input';
import { canReadSubscriptions, canSeeSubscription } from '../../rules/can-see-subscription';
import { enforce, resolveActor } from '../resolve-actor';

/** One subscription by id: `{ id }`. */
export const GetSubscriptionInputSchema = z.object({ id: SubscriptionIdSchema });

export type GetSubscriptionInput = z.input<typeof GetSubscriptionInputSchema>;

/**
 * A subscription with its whole history (NotFoundError if there is none), for those who may see it:
 * mapped people whose accounts or product it concerns, its requester, and mesh admins. The bot's own
 * work (a system caller: refreshing the messages about it) reads any.
 */
export async function getSubscription(deps: MeshDeps, ctx: Caller, input: GetSubscriptionInput): Promise<Subscription> {
  if (isSystem(ctx)) return loadSubscription(deps, parseInput(GetSubscriptionInputSchema, input).id);
  const actor = await resolveActor(deps, ctx);
  enforce(canReadSubscriptions(actor));
  const subscription = await loadSubscription(deps, parseInput(GetSubscriptionInputSchema, input).id);
  const direct = canSeeSubscription(actor, subscription);
  // Only a product owner who is not a producer of the account needs the product read.
  if (!direct.allowed) enforce(canSeeSubscription(actor, subscription, (await deps.stores.products.get(subscription.productId))?.owners));
  return subscription;
}
