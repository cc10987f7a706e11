import * as z from 'zod';
import { AccountIdSchema } from '../../domain/account-id';
import type { Subscription } from '../../domain/subscription';
import { SubscriptionStatusSchema } from '../../domain/subscription-status';
import type { Page } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { parseInput } from '../parse-input';
import type { SlackUser } from '../../domain/slack-user';
import { canReadSubscriptions, canSeeSubscription } from '../../rules/can-see-subscription';
import { enforce, resolveActor } from '../resolve-actor';

const PageSchema = { limit: z.number().int().min(1).max(100).optional(), cursor: z.string().optional() };

/**
 * Which subscriptions to list, newest first, each served by one index: `{ kind: 'mine' }` (requested
 * by the caller), `{ kind: 'pending', producerAccountId }` (waiting for a producer's owners),
 * `{ kind: 'consumer', consumerAccountId }`, `{ kind: 'product', productId }`, `{ kind: 'status', status }`.
 */
export const ListSubscriptionsInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mine'), ...PageSchema }),
  z.object({ kind: z.literal('pending'), producerAccountId: AccountIdSchema, ...PageSchema }),
  z.object({ kind: z.literal('consumer'), consumerAccountId: AccountIdSchema, ...PageSchema }),
  z.object({ kind: z.literal('product'), productId: z.string().min(1), ...PageSchema }),
  z.object({ kind: z.literal('status'), status: SubscriptionStatusSchema, ...PageSchema }),
]);

export type ListSubscriptionsInput = z.input<typeof ListSubscriptionsInputSchema>;

/**
 * A page of subscriptions chosen by requester, producer (pending), consumer, product or status, with
 * only those the reader may see (canSeeSubscription): a page may hold fewer than asked, and its cursor
 * still leads on. Unmapped people see none.
 */
export async function listSubscriptions(deps: MeshDeps, ctx: RequestContext, input: ListSubscriptionsInput): Promise<Page<Subscription>> {
  const query = parseInput(ListSubscriptionsInputSchema, input);
  const actor = await resolveActor(deps, ctx);
  enforce(canReadSubscriptions(actor));
  const found = await queryIndex(deps, ctx, query);
  if (actor.meshAdmin) return found;
  const owners = new Map<string, Promise<readonly SlackUser[]>>();
  const ownersOf = (productId: string): Promise<readonly SlackUser[]> => {
    let known = owners.get(productId);
    if (known === undefined) {
      known = deps.stores.products.get(productId).then((product) => product?.owners ?? []);
      owners.set(productId, known);
    }
    return known;
  };
  const visible = await Promise.all(
    found.items.map(async (subscription) => canSeeSubscription(actor, subscription).allowed || canSeeSubscription(actor, subscription, await ownersOf(subscription.productId)).allowed),
  );
  return { ...found, items: found.items.filter((_, i) => visible[i]) };
}

/** The page the query's index gives, before visibility. */
function queryIndex(deps: MeshDeps, ctx: RequestContext, query: z.infer<typeof ListSubscriptionsInputSchema>): Promise<Page<Subscription>> {
  const page = { ...(query.limit !== undefined && { limit: query.limit }), ...(query.cursor !== undefined && { cursor: query.cursor }) };
  const store = deps.stores.subscriptions;
  switch (query.kind) {
    case 'mine':
      return store.listForRequester(ctx.user, page);
    case 'pending':
      return store.listForProducer(query.producerAccountId, 'PENDING', page);
    case 'consumer':
      return store.listForConsumer(query.consumerAccountId, page);
    case 'product':
      return store.listForProduct(query.productId, page);
    case 'status':
      return store.listByStatus(query.status, page);
  }
}
