import type { GrantEntry, GrantResource } from '../domain/grant-entry';

/**
 * A canonical string naming a Lake Formation resource: equal for equal resources, whatever the
 * order of column names, e.g. `["t","555555555555","telco-111111111111","usecase1"]`.
 */
export function resourceKey(resource: GrantResource): string {
  if ('Database' in resource) return JSON.stringify(['db', resource.Database.CatalogId, resource.Database.Name]);
  if ('Table' in resource) return JSON.stringify(['t', resource.Table.CatalogId, resource.Table.DatabaseName, resource.Table.Name]);
  const { CatalogId, DatabaseName, Name, ColumnNames, ColumnWildcard } = resource.TableWithColumns;
  // Both column fields are kept: LF treats "these columns" and "all but these" as different resources.
  const columns = ColumnNames === undefined ? null : ColumnNames.toSorted();
  const excluded = ColumnWildcard === undefined ? null : (ColumnWildcard.ExcludedColumnNames ?? []).toSorted();
  return JSON.stringify(['s', CatalogId, DatabaseName, Name, columns, excluded]);
}

/** A canonical string naming what an entry is about: its principal and its resource. */
export function grantKey(entry: Pick<GrantEntry, 'Principal' | 'Resource'>): string {
  return JSON.stringify([entry.Principal.DataLakePrincipalIdentifier, resourceKey(entry.Resource)]);
}
