import type { DataProduct } from '../domain/data-product';
import { hasPersona, sameUser, type Actor } from './actor';

/** Whether the actor may see a product's metadata (its tables' columns too): public ones anyone, others their owners, the account's producers and admins. */
export function maySeeProduct(actor: Actor, product: DataProduct): boolean {
  return product.publicMetadata || actor.meshAdmin || product.owners.some((o) => sameUser(o, actor.user)) || hasPersona(actor, product.producerAccountId, 'producer');
}
