import { accountOfPrincipal } from '../access/data-lake-settings';
import { type LfResource, shareArn, toLfResource } from '../access/lf-resource';
import { AwsError } from '../aws-error';
import { PermissionChangeSchema } from '../lakeformation/lf-inputs';
import type { ResourceShare } from '../world';
import { type ActionMapping, type MappedCall, member, members } from './action-mapping';
import type { IamCheck } from './iam-check';

/**
 * The IAM checks of the emulated Lake Formation operations: `lakeformation:<Operation>`, whose actions
 * have no resource types (Service Authorization Reference, "Actions, resources, and condition keys for
 * AWS Lake Formation"), so on `*`. Lake Formation's refusals name the catalog as
 * `arn:aws:lakeformation:<region>:<account>:catalog:<catalog id>`.
 *
 * A grant to another account makes Lake Formation create or extend a RAM share with the caller's
 * permissions, which is why a non-admin granting across accounts needs those of the managed policy
 * AWSLakeFormationCrossAccountManager (Lake Formation developer guide, "Cross-account data sharing
 * prerequisites"; AWS Managed Policy Reference, AWSLakeFormationCrossAccountManager). The guide does
 * not list the RAM calls; the emulator checks, for each grant that puts a resource in a share:
 * ram:CreateResourceShare (no share with the receiving account yet) or ram:AssociateResourceShare on
 * the existing share, and ram:AssociateResourceSharePermission on the share and on the RAM managed
 * permission it attaches. The names of those permissions are not documented; the emulator uses names
 * under `arn:aws:ram::aws:permission/AWSRAMLFEnabled*`, the pattern the managed policy allows. Revokes
 * check no RAM action (the docs are silent on what a revoke calls).
 */

/** The RAM managed permission Lake Formation attaches for a shared resource kind (names not documented, see above). */
function lakeFormationPermissionArn(resource: LfResource): string {
  return `arn:aws:ram::aws:permission/${resource.kind === 'database' ? 'AWSRAMLFEnabledGlueDatabaseReadWrite' : 'AWSRAMLFEnabledGlueTableReadWrite'}`;
}

/** The share Lake Formation keeps from `owner` to `receiver` (access/resource-sharing.ts makes one per pair). */
function lakeFormationShare(call: MappedCall, owner: string, receiver: string): ResourceShare | undefined {
  return call.world.resourceShares.find((s) => s.status === 'ACTIVE' && s.ownerAccountId === owner && s.name.startsWith('LakeFormation-') && s.principals.length === 1 && s.principals[0] === receiver);
}

/** The RAM checks of one grant entry that puts a resource into a share; none for grants within an account or already shared. */
function ramChecksOfGrant(call: MappedCall, raw: unknown, defaultCatalogId: string): IamCheck[] {
  const change = PermissionChangeSchema.safeParse(raw);
  if (!change.success || !change.data.Resource) return [];
  let resource: LfResource;
  try {
    resource = toLfResource(change.data.Resource, defaultCatalogId);
  } catch (error) {
    // The handler refuses a malformed resource with its own error.
    if (error instanceof AwsError) return [];
    throw error;
  }
  const receiver = accountOfPrincipal(change.data.Principal?.DataLakePrincipalIdentifier ?? '');
  const arn = shareArn(call.region, resource);
  // Only the owning account shares through RAM; a recipient re-granting within its account does not.
  if (receiver === undefined || receiver === resource.catalogId || arn === undefined || resource.catalogId !== call.caller.accountId) return [];
  const share = lakeFormationShare(call, resource.catalogId, receiver);
  if (share?.resources.includes(arn)) return [];
  const owner = resource.catalogId;
  const context = { 'ram:RequestedResourceType': resource.kind === 'database' ? 'glue:Database' : 'glue:Table', 'ram:ResourceArn': arn };
  // AWS-managed permissions belong to no account; any account may attach them, so only the identity policy decides.
  const permission: IamCheck = { action: 'ram:AssociateResourceSharePermission', resource: lakeFormationPermissionArn(resource), resourceAccount: call.caller.accountId };
  if (!share) {
    return [
      { action: 'ram:CreateResourceShare', resource: '*', resourceAccount: owner, context: { ...context, 'ram:Principal': receiver, 'ram:RequestedAllowsExternalPrincipals': 'true' } },
      permission,
    ];
  }
  const onShare = { resource: share.arn, resourceAccount: owner, context: { ...context, 'ram:ResourceShareName': share.name } };
  return [{ action: 'ram:AssociateResourceShare', ...onShare }, { action: 'ram:AssociateResourceSharePermission', ...onShare }, permission];
}

/** The IAM checks of a Lake Formation call. */
export const lakeFormationActions: ActionMapping = (call) => {
  const { caller, input, operation, region } = call;
  const catalogId = member(input, 'CatalogId') ?? caller.accountId;
  const checks: IamCheck[] = [
    { action: `lakeformation:${operation}`, resource: '*', resourceAccount: caller.accountId, messageResource: `arn:aws:lakeformation:${region}:${caller.accountId}:catalog:${catalogId}` },
  ];
  switch (operation) {
    case 'GrantPermissions':
      checks.push(...ramChecksOfGrant(call, input, catalogId));
      break;
    case 'BatchGrantPermissions':
      for (const entry of members(input, 'Entries')) checks.push(...ramChecksOfGrant(call, entry, catalogId));
      break;
    case 'RegisterResource': {
      // Registering with a role passes it to Lake Formation (Lake Formation developer guide, "Requirements
      // for roles used to register locations"; IAM User Guide, "Grant a user permissions to pass a role").
      const role = member(input, 'RoleArn');
      const account = role === undefined ? undefined : /^arn:aws:iam::(\d{12}):role\//.exec(role)?.[1];
      if (role !== undefined && account !== undefined) {
        checks.push({ action: 'iam:PassRole', resource: role, resourceAccount: account, context: { 'iam:PassedToService': 'lakeformation.amazonaws.com' } });
      }
      break;
    }
  }
  return checks;
};
