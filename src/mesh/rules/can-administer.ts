import type { UserRef } from '../error-reasons';
import type { Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Enable accounts, map users, read the accounts and mappings: mesh admins only (`meshAdmins`: whom a refusal names). */
export function canAdminister(actor: Actor, meshAdmins: readonly UserRef[]): Verdict {
  return actor.meshAdmin
    ? ALLOWED
    : refused({
        reason: 'not_mesh_admin',
        params: { meshAdmins },
        message: 'only mesh admins can do this',
        hint: `ask a mesh admin (${meshAdmins.map((admin) => admin.userId).join(', ') || 'none configured'})`,
      });
}
