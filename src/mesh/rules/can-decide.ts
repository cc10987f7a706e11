import type { DataProduct } from '../domain/data-product';
import type { Subscription } from '../domain/subscription';
import { sameUser, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/**
 * Approve, deny or modify: only the product's owners or mesh admins, and never on one's own
 * request (four eyes).
 */
export function canDecide(actor: Actor, product: DataProduct, subscription: Subscription): Verdict {
  if (sameUser(actor.user, subscription.requester)) {
    return refused({ reason: 'own_request', params: {}, message: 'you cannot decide on your own request', hint: 'another owner of the product or a mesh admin must decide it' });
  }
  if (actor.meshAdmin || product.owners.some((owner) => sameUser(owner, actor.user))) return ALLOWED;
  return refused({
    reason: 'not_product_owner',
    params: { productId: product.id, owners: product.owners },
    message: `you are not an owner of product ${product.id}`,
    hint: `ask an owner (${product.owners.map((o) => o.userId).join(', ')}) or a mesh admin`,
  });
}
