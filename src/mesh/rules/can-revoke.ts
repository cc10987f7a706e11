import type { DataProduct } from '../domain/data-product';
import type { Subscription } from '../domain/subscription';
import { hasPersona, sameUser, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/**
 * Revoke: the product's owners and mesh admins, and the consumer side itself (the requester or a
 * consumer of the account), which may always give access up.
 */
export function canRevoke(actor: Actor, product: DataProduct, subscription: Subscription): Verdict {
  if (actor.meshAdmin || product.owners.some((owner) => sameUser(owner, actor.user))) return ALLOWED;
  if (sameUser(actor.user, subscription.requester) || hasPersona(actor, subscription.consumerAccountId, 'consumer')) return ALLOWED;
  return refused({ reason: 'not_revoker', params: {}, message: 'only the product owners, the consumer account or a mesh admin can revoke this', hint: 'ask an owner of the product or a mesh admin' });
}
