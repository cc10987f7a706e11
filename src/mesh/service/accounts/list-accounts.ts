import type { MeshAccount } from '../../domain/mesh-account';
import { readAllPages } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { logFields } from '../log-fields';

/** Every account enabled in the mesh, with its roles (anyone may read this: it holds ids, not secrets). */
export async function listAccounts(deps: MeshDeps, ctx: RequestContext): Promise<MeshAccount[]> {
  const accounts = await readAllPages((page) => deps.stores.accounts.list(page));
  deps.logger.child(logFields(ctx)).debug({ accounts: accounts.length }, 'listed accounts');
  return accounts.sort((a, b) => a.accountId.localeCompare(b.accountId));
}
