import type { GrantEntry } from '../domain/grant-entry';
import { narrowEntry } from './narrow-entry';
import { grantKey } from './resource-key';

/**
 * The revoke entries with every (principal, resource, permission) that one of `otherPlans` (the
 * grantee's other active subscriptions) still grants taken out, so that revoking one of two
 * overlapping subscriptions leaves the other working. Entries left with no permission are dropped.
 */
export function entriesStillNeeded(toRevoke: readonly GrantEntry[], otherPlans: readonly (readonly GrantEntry[])[]): GrantEntry[] {
  const needed = new Set(otherPlans.flat().flatMap((entry) => entry.Permissions.map((p) => JSON.stringify([grantKey(entry), p]))));
  return toRevoke.flatMap((entry) => {
    const key = grantKey(entry);
    return narrowEntry(entry, (p) => !needed.has(JSON.stringify([key, p])));
  });
}
