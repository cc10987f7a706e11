import type { GrantEntry } from '../domain/grant-entry';
import type { Permission } from '../domain/permission';
import { narrowEntry } from './narrow-entry';
import { grantKey } from './resource-key';

/** What a modify must do to turn one plan's grants into another's. */
export type PlanDiff = { grant: GrantEntry[]; revoke: GrantEntry[] };

/**
 * The entries a modify must revoke, then grant, to go from `current` to `next`, at permission
 * granularity per (principal, resource): SELECT+INSERT → SELECT revokes INSERT alone; a changed
 * column filter revokes the old columns entry and grants the new one; equal plans give nothing.
 * A permission whose grant option is taken away is revoked and granted again without it, since a
 * revoke entry cannot take the grant option alone. Ids are those of the plan each entry comes from.
 */
export function diffPlans(current: readonly GrantEntry[], next: readonly GrantEntry[]): PlanDiff {
  const currentByKey = new Map(current.map((entry) => [grantKey(entry), entry]));
  const nextByKey = new Map(next.map((entry) => [grantKey(entry), entry]));

  // Reverse order, as a full revoke: tables go before the database that makes them visible.
  const revoke = current.toReversed().flatMap((entry) => {
    const after = nextByKey.get(grantKey(entry));
    return narrowEntry(entry, (p) => after === undefined || !after.Permissions.includes(p) || losesGrantOption(entry, after, p));
  });
  const grant = next.flatMap((entry) => {
    const before = currentByKey.get(grantKey(entry));
    return narrowEntry(entry, (p) => before === undefined || !before.Permissions.includes(p) || hasGrantOption(entry, p) !== hasGrantOption(before, p));
  });
  return { grant, revoke };
}

function hasGrantOption(entry: GrantEntry, permission: Permission): boolean {
  return entry.PermissionsWithGrantOption.includes(permission);
}

function losesGrantOption(before: GrantEntry, after: GrantEntry, permission: Permission): boolean {
  return hasGrantOption(before, permission) && !hasGrantOption(after, permission);
}

