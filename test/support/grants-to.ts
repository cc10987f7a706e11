import { type LakeFormationClient, ListPermissionsCommand, type PrincipalResourcePermissions } from '@aws-sdk/client-lakeformation';
import type { GrantResource } from '../../src/mesh/domain/grant-entry';
import { resourceKey } from '../../src/mesh/plan/resource-key';

/**
 * Every grant row to one principal in a catalog, as its data lake admin lists them. Lake Formation
 * refuses a `Principal` without a `Resource`, so this lists the catalog's grants page by page and
 * keeps the principal's, as tools that audit a principal do.
 */
export async function grantsTo(lf: LakeFormationClient, principal: string, catalogId?: string): Promise<PrincipalResourcePermissions[]> {
  const rows: PrincipalResourcePermissions[] = [];
  let NextToken: string | undefined;
  do {
    const page = await lf.send(new ListPermissionsCommand({ ...(catalogId !== undefined && { CatalogId: catalogId }), NextToken }));
    rows.push(...(page.PrincipalResourcePermissions ?? []).filter((row) => row.Principal?.DataLakePrincipalIdentifier === principal));
    NextToken = page.NextToken;
  } while (NextToken);
  return rows;
}

/** A principal's grants in a catalog by resource key: sorted permissions, grantable ones also as `P+`. */
export async function grantsByResource(lf: LakeFormationClient, principal: string, catalogId: string): Promise<Record<string, string[]>> {
  const byResource: Record<string, string[]> = {};
  for (const row of await grantsTo(lf, principal, catalogId)) {
    const key = resourceKey(row.Resource as GrantResource);
    const grantable = (row.PermissionsWithGrantOption ?? []).map((p) => `${p}+`);
    byResource[key] = [...new Set([...(byResource[key] ?? []), ...(row.Permissions ?? []), ...grantable])].sort();
  }
  return byResource;
}
