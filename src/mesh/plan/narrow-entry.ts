import type { GrantEntry } from '../domain/grant-entry';
import { PERMISSIONS, type Permission } from '../domain/permission';

/**
 * The entry limited to the permissions `keep` selects, its grant option likewise, as a list of one;
 * an empty list if none is kept (Lake Formation refuses an entry without permissions).
 */
export function narrowEntry(entry: GrantEntry, keep: (permission: Permission) => boolean): GrantEntry[] {
  const permissions = PERMISSIONS.filter((p) => entry.Permissions.includes(p) && keep(p));
  if (permissions.length === 0) return [];
  return [
    {
      ...structuredClone(entry),
      Permissions: permissions,
      PermissionsWithGrantOption: permissions.filter((p) => entry.PermissionsWithGrantOption.includes(p)),
    },
  ];
}
