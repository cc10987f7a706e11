import { sharedArns } from '../access/resource-sharing';
import type { PolicyDocument, World } from '../world';

const SHARED_ARN = /^arn:aws:glue:([^:]+):(\d{12}):(database|table)\/([^/]+)(?:\/(.+))?$/;

/**
 * The resource policy another account's Data Catalog presents to `receiver`: what Lake Formation
 * shared with it through RAM. A cross-account Data Catalog request needs the owner's consent as well
 * as the caller's identity policy (Glue developer guide, "Granting cross-account access"); with Lake
 * Formation's named-resource method that consent is the RAM share and its AWSRAMLFEnabled* managed
 * permission, not a catalog policy (Lake Formation developer guide, "Cross-account data sharing in
 * Lake Formation"). The managed permissions' action lists are not reproduced here: a share admits any
 * Glue action on the shared database or table, its database and the catalog, and Lake Formation (the
 * emulator's grant checks) decides the rest, as it does in AWS. No usable share: no policy, so IAM
 * refuses with "no resource-based policy allows".
 */
export function sharedCatalogPolicy(world: World, owner: string, receiver: string): PolicyDocument | undefined {
  const resources = new Set<string>();
  for (const arn of sharedArns(world, owner, receiver)) {
    const match = SHARED_ARN.exec(arn);
    if (!match) continue;
    const [, region, account, kind, database, table] = match;
    const base = `arn:aws:glue:${region ?? ''}:${account ?? ''}`;
    resources.add(`${base}:catalog`);
    resources.add(`${base}:database/${database ?? ''}`);
    resources.add(kind === 'database' ? `${base}:table/${database ?? ''}/*` : `${base}:table/${database ?? ''}/${table ?? ''}`);
  }
  if (resources.size === 0) return undefined;
  return { Version: '2012-10-17', Statement: [{ Sid: 'LakeFormationShare', Effect: 'Allow', Principal: { AWS: receiver }, Action: 'glue:*', Resource: [...resources] }] };
}
