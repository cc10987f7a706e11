import { createHash } from 'node:crypto';
import type { GrantResource } from '../domain/grant-entry';
import { resourceKey } from './resource-key';

/** Hex characters of the hash kept in an id: 64 bits, so a collision among a product's tables is not a concern. */
const HASH_LENGTH = 16;

/**
 * The Id of the plan entry for `resource`: `db` for the mesh database, `t.<hash>` for a table's
 * table-level permissions and `s.<hash>` for its SELECT on columns, the hash covering the exact
 * resource (catalog, database, table and column filter). The same resource always gets the same Id,
 * so modify and retry can match entries across plans; a changed column filter gets a new one, so a
 * stored result for the old columns is never mistaken for the new.
 */
export function entryId(resource: GrantResource): string {
  if ('Database' in resource) return 'db';
  const hash = createHash('sha256').update(resourceKey(resource)).digest('hex').slice(0, HASH_LENGTH);
  return 'Table' in resource ? `t.${hash}` : `s.${hash}`;
}
