import { buildSubscriptionDetailMessage } from '../../blocks/subscription-detail-message';
import type { CommandOf } from '../../commands/mesh-command';
import type { CommandScope } from './command-scope';
import { pendingPage, subscriptionsPage } from './list-pages';

/** `/mesh pending`: requests waiting for the user's decision (every pending one for mesh admins). */
export async function answerPending(scope: CommandScope): Promise<void> {
  await scope.reply(await pendingPage(scope.deps, scope.ctx));
}

/** `/mesh subscriptions [mine | product <id> | status <s>]`; without a filter, the user's own. */
export async function answerSubscriptions(scope: CommandScope, command: CommandOf<'subscriptions'>): Promise<void> {
  const { filter } = command;
  await scope.reply(await subscriptionsPage(scope.deps, scope.ctx, filter.by === 'all' ? { by: 'mine' } : filter));
}

/** `/mesh subscription <id>`: everything about one subscription, with its history. */
export async function answerSubscription(scope: CommandScope, command: CommandOf<'subscription'>): Promise<void> {
  const subscription = await scope.deps.mesh.getSubscription(scope.ctx, { id: command.subscriptionId });
  // The product may since have become private to this user; the detail then shows without it.
  const product = await scope.deps.mesh.getProduct(scope.ctx, { productId: subscription.productId }).catch((error: unknown) => {
    scope.log.info({ err: error, productId: subscription.productId }, 'subscription shown without its product');
    return undefined;
  });
  await scope.reply(buildSubscriptionDetailMessage({ subscription, ...(product !== undefined && { product }) }));
}
