import type { MeshAccount } from '../../domain/mesh-account';
import { canAdminister } from '../../rules/can-administer';
import { readAllPages } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { logFields } from '../log-fields';

/**
 * Every account enabled in the mesh, with its roles and query roles (mesh admins only: it is the
 * administration's inventory; anyone else finds the accounts they act for in `whoami`).
 */
export async function listAccounts(deps: MeshDeps, ctx: RequestContext): Promise<MeshAccount[]> {
  enforce(canAdminister(await resolveActor(deps, ctx), deps.config.meshAdmins));
  const accounts = await readAllPages((page) => deps.stores.accounts.list(page));
  deps.logger.child(logFields(ctx)).debug({ accounts: accounts.length }, 'listed accounts');
  return accounts.sort((a, b) => a.accountId.localeCompare(b.accountId));
}
