import type { Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Enable accounts and map users: mesh admins only. */
export function canAdminister(actor: Actor): Verdict {
  return actor.meshAdmin ? ALLOWED : refused({ reason: 'not_mesh_admin', params: {}, message: 'only mesh admins can do this', hint: 'ask a mesh admin (the list of accounts names them)' });
}
