import type { GrantEntry } from '../domain/grant-entry';

/**
 * The BatchRevokePermissions entries that undo a stored grant plan: the same entries (Lake Formation
 * revokes take the grant's shape, grant option included), in reverse order so that tables are
 * revoked before the database DESCRIBE that makes them visible.
 */
export function planRevoke(plan: readonly GrantEntry[]): GrantEntry[] {
  return plan.toReversed().map((entry) => structuredClone(entry));
}
