import { createHash } from 'node:crypto';
import type { GrantEntry, GrantResource } from '../domain/grant-entry';
import type { ResourceLink } from '../domain/subscription';
import { isAccountGrantee } from '../domain/grantee';

/** What the consumer account's role grants its query roles once a subscription is imported. */
export interface QueryGrantsInput {
  /** The subscription's plan: the grants to the consumer account on the mesh's resources. */
  plan: readonly GrantEntry[];
  /** The resource links in the consumer catalog. */
  links: readonly ResourceLink[];
  /** The query roles (ARNs) of the consumer account. */
  principals: readonly string[];
}

const principalTag = (arn: string): string => createHash('sha256').update(arn).digest('hex').slice(0, 12);

function linkResource(link: ResourceLink): GrantResource {
  return link.table === undefined
    ? { Database: { CatalogId: link.catalogId, Name: link.database } }
    : { Table: { CatalogId: link.catalogId, DatabaseName: link.database, Name: link.table } };
}

/**
 * The grants that let each query role query: DESCRIBE on every resource link, and the permissions
 * the account received on every target (the same resources, without the grant option), since Lake
 * Formation needs both — a link's permissions never reach its target (Lake Formation Developer
 * Guide, "Accessing the underlying data of a shared table": the recipient's data lake administrator
 * re-grants to the principal). Ids are `<plan id or link-N>@<principal hash>`, fixed for the same
 * input, so a modify can diff two of these plans. Pure.
 */
export function planQueryGrants({ plan, links, principals }: QueryGrantsInput): GrantEntry[] {
  return principals.flatMap((arn) => {
    const tag = principalTag(arn);
    const Principal = { DataLakePrincipalIdentifier: arn };
    const onLinks = links.map((link, i): GrantEntry => ({ Id: `link-${i}@${tag}`, Principal, Resource: linkResource(link), Permissions: ['DESCRIBE'], PermissionsWithGrantOption: [] }));
    const onTargets = plan
      .filter((entry) => isAccountGrantee(entry.Principal.DataLakePrincipalIdentifier))
      .map((entry): GrantEntry => ({ Id: `${entry.Id}@${tag}`, Principal, Resource: entry.Resource, Permissions: [...entry.Permissions], PermissionsWithGrantOption: [] }));
    return [...onLinks, ...onTargets];
  });
}
