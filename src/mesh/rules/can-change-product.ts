import type { DataProduct, ProductSetting } from '../domain/data-product';
import { sameUser, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/**
 * Change a published product's settings (its owners above all, who decide every grant): only its
 * owners or mesh admins. Other producers of the account may still re-publish it unchanged (a sync).
 */
export function canChangeProduct(actor: Actor, product: DataProduct, settings: readonly ProductSetting[]): Verdict {
  if (actor.meshAdmin || product.owners.some((owner) => sameUser(owner, actor.user))) return ALLOWED;
  return refused({
    reason: 'not_owner_to_change',
    params: { productId: product.id, settings, owners: product.owners },
    message: `only the owners of product ${product.id} or a mesh admin may change its ${settings.join(', ')}`,
    hint: `ask one of its owners (${product.owners.map((o) => o.userId).join(', ')}), or publish it again without those options to sync its tables`,
  });
}
