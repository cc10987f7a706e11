import type { Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Enable accounts and map users: mesh admins only. */
export function canAdminister(actor: Actor): Verdict {
  return actor.meshAdmin ? ALLOWED : refused('only mesh admins can do this', 'ask a mesh admin (see `/mesh admin accounts`)');
}
