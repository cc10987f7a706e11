import type { MeshAccount } from '../../domain/mesh-account';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';

/** Every account enabled in the mesh, with its roles (anyone may read this: it holds ids, not secrets). */
export async function listAccounts(deps: MeshDeps, ctx: RequestContext): Promise<MeshAccount[]> {
  const accounts: MeshAccount[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.stores.accounts.list({ limit: 100, ...(cursor !== undefined && { cursor }) });
    accounts.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  deps.logger.child({ requestId: ctx.requestId, user: ctx.user.userId }).debug({ accounts: accounts.length }, 'listed accounts');
  return accounts.sort((a, b) => a.accountId.localeCompare(b.accountId));
}
