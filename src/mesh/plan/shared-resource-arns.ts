import type { GrantEntry } from '../domain/grant-entry';

/**
 * The Glue ARNs a cross-account grant plan puts in the owner's RAM share with the grantee account:
 * a database grant shares the database, a table or column grant its table (Lake Formation developer
 * guide, "Cross-account data sharing": the shared Data Catalog resources are the databases and
 * tables granted). The import waits until RAM lists every one of them as shared.
 */
export function sharedResourceArns(plan: readonly GrantEntry[], region: string): string[] {
  const arns = new Set<string>();
  for (const { Resource } of plan) {
    if ('Database' in Resource) arns.add(`arn:aws:glue:${region}:${Resource.Database.CatalogId}:database/${Resource.Database.Name}`);
    else {
      const table = 'Table' in Resource ? Resource.Table : Resource.TableWithColumns;
      arns.add(`arn:aws:glue:${region}:${table.CatalogId}:table/${table.DatabaseName}/${table.Name}`);
    }
  }
  return [...arns].sort();
}
