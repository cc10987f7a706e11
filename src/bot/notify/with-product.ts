import type { Subscription } from '../../mesh/domain/subscription';
import type { Caller } from '../../mesh/service/request-context';
import type { SubscriptionWithProduct } from '../../mesh/service/subscriptions/subscription-with-product';
import type { BotDeps } from '../bot-deps';

/** A subscription read without its product (a list, the sweep) with its product, to show it. */
export async function withProduct(deps: BotDeps, ctx: Caller, subscription: Subscription): Promise<SubscriptionWithProduct> {
  return { subscription, product: await deps.mesh.getProduct(ctx, { productId: subscription.productId }) };
}
