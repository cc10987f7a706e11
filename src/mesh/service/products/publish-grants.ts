import type { GrantEntry, GrantResource } from '../../domain/grant-entry';
import { entryId } from '../../plan/entry-id';

/** Which tables of which mesh database to make describable, and for whom. */
export interface DescribeGrant {
  meshCatalogId: string;
  meshDatabase: string;
  tables: readonly string[];
  /** An account id (cross-account, through RAM) or a role ARN of the mesh account. */
  principal: string;
  /** Whether the principal may pass DESCRIBE on (an account's admins need it to use the grant). */
  withGrantOption: boolean;
}

/**
 * The Lake Formation entries giving a principal DESCRIBE on a mesh database and its tables, e.g. the
 * producer account (with grant option, for its resource links) or the mesh read-only role. Pure.
 */
export function describeEntries({ meshCatalogId, meshDatabase, tables, principal, withGrantOption }: DescribeGrant): GrantEntry[] {
  const resources: GrantResource[] = [
    { Database: { CatalogId: meshCatalogId, Name: meshDatabase } },
    ...tables.map((Name): GrantResource => ({ Table: { CatalogId: meshCatalogId, DatabaseName: meshDatabase, Name } })),
  ];
  return resources.map((Resource) => ({
    Id: entryId(Resource),
    Principal: { DataLakePrincipalIdentifier: principal },
    Resource,
    Permissions: ['DESCRIBE'],
    PermissionsWithGrantOption: withGrantOption ? ['DESCRIBE'] : [],
  }));
}
