import { AwsError } from '../aws-error';
import { lfAccessDenied } from './access-denied';
import { accountOfPrincipal } from '../access/data-lake-settings';
import { canGrant, heldOn } from '../access/effective-permissions';
import { findGrant, releaseShareIfUnused, upsertGrant } from '../access/grant-rows';
import { type LfResource, shareArn, toLfResource } from '../access/lf-resource';
import { shareResource } from '../access/resource-sharing';
import { entityExists, parseEntityArn } from '../iam-api/iam-entities';
import type { CallContext } from '../operation';
import type { World } from '../world';
import type { PermissionChange } from './lf-inputs';
import { checkApplicable, checkExists, describeResource } from './permission-rules';

const IAM_PRINCIPAL = /^arn:aws:iam::\d{12}:(?:role|user)\/[\w+=,.@/-]+$/;

/** A parsed, validated change: who, on what, which permissions. */
interface ValidChange {
  principal: string;
  resource: LfResource;
  permissions: string[];
  grantable: string[];
}

function validate(change: PermissionChange, defaultCatalogId: string, requirePermissions: boolean): ValidChange {
  const principal = change.Principal?.DataLakePrincipalIdentifier;
  if (principal === undefined) throw new AwsError('InvalidInputException', 'Principal is required.');
  if (principal !== 'IAM_ALLOWED_PRINCIPALS' && !/^\d{12}$/.test(principal) && !IAM_PRINCIPAL.test(principal)) {
    throw new AwsError('InvalidInputException', `Invalid principal ${principal}: use an IAM role or user ARN, a 12-digit account id, or IAM_ALLOWED_PRINCIPALS.`);
  }
  if (!change.Resource) throw new AwsError('InvalidInputException', 'Resource is required.');
  const resource = toLfResource(change.Resource, defaultCatalogId);
  const permissions = [...new Set(change.Permissions ?? [])];
  const grantable = [...new Set(change.PermissionsWithGrantOption ?? [])];
  if (requirePermissions && permissions.length === 0) throw new AwsError('InvalidInputException', 'Permissions must name at least one permission.');
  return { principal, resource, permissions, grantable };
}

/**
 * Refuse a grant to an IAM role or user that does not exist, in an account the world models (another
 * account's IAM is not known here): `InvalidInputException`, `Invalid principal, arn: <arn>`, the answer
 * a user of the real service reports (aws-samples/data-lake-as-code issue #17: "Invalid principal, arn:
 * arn:aws:iam::111111111111:role/user.name (Service: AWSLakeFormation; Status Code: 400; Error Code:
 * InvalidInputException)"). The API reference (GrantPermissions, BatchGrantPermissions) is silent on
 * the text and on the check's order; it is made right after the input is read. Revokes are not checked
 * (docs silent).
 */
function checkPrincipalExists(world: World, principal: string): void {
  const entity = IAM_PRINCIPAL.test(principal) ? parseEntityArn(principal) : undefined;
  if (!entity || world.accounts[entity.accountId] === undefined) return;
  if (!entityExists(world, entity)) throw new AwsError('InvalidInputException', `Invalid principal, arn: ${principal}`);
}

/**
 * Refuse unless the caller may grant (or revoke) these permissions on the resource: a data lake
 * admin of its catalog, or a holder of each permission with grant option (implicit, or granted with
 * PermissionsWithGrantOption). On a resource shared from another account, only principals of the
 * caller's own account can receive it: a recipient cannot pass it on to other accounts.
 */
function authorize(ctx: CallContext, change: ValidChange): void {
  const { caller } = ctx;
  if (change.resource.catalogId !== caller.accountId && accountOfPrincipal(change.principal) !== caller.accountId) {
    throw lfAccessDenied(`Permissions on ${describeResource(change.resource)} of catalog ${change.resource.catalogId} can be granted only to principals of account ${caller.accountId}, which received them.`);
  }
  if (change.resource.catalogId !== caller.accountId && !IAM_PRINCIPAL.test(change.principal)) {
    throw lfAccessDenied(`Permissions on a shared resource can be granted only to IAM principals of account ${caller.accountId}.`);
  }
  const held = heldOn(ctx.world, caller, change.resource);
  const missing = [...new Set([...change.permissions, ...change.grantable])].filter((p) => !canGrant(held, p));
  if (missing.length > 0) {
    throw lfAccessDenied(`Insufficient Lake Formation permission(s) on ${describeResource(change.resource)}: ${caller.principalArn} needs ${missing.join(', ')} with grant option, or to be a data lake administrator of catalog ${change.resource.catalogId}.`);
  }
}

/** The account that receives a grant through RAM, when the grantee is outside the resource's account. */
function receiverOf(change: ValidChange): string | undefined {
  const account = accountOfPrincipal(change.principal);
  return account !== undefined && account !== change.resource.catalogId ? account : undefined;
}

/**
 * Grant one change (GrantPermissions or one batch entry): validate (the grantee must exist), authorize, merge into the
 * grantee's row (granting what exists changes nothing) and, for another account, share the
 * resource through the owner's RAM share with it (inviting it outside an Organization).
 */
export function grantOne(ctx: CallContext, raw: PermissionChange, defaultCatalogId: string): void {
  const change = validate(raw, defaultCatalogId, true);
  checkPrincipalExists(ctx.world, change.principal);
  checkApplicable(ctx.world, change.resource, change.permissions, change.grantable);
  checkExists(ctx.world, change.resource);
  const receiver = receiverOf(change);
  if (receiver !== undefined && change.resource.kind === 'catalog') throw new AwsError('InvalidInputException', 'Catalog permissions cannot be granted to another account.');
  authorize(ctx, change);
  upsertGrant(ctx, change.principal, change.resource, change.permissions, change.grantable);
  const arn = shareArn(ctx.world.region, change.resource);
  if (receiver !== undefined && arn !== undefined) shareResource(ctx, change.resource.catalogId, receiver, arn);
}

/**
 * Revoke one change: `Permissions` go (with their grant options), `PermissionsWithGrantOption`
 * loses only the grant option. Revoking nothing the grantee holds is `InvalidInputException`, as
 * Lake Formation answers. When an account loses its last grant under a shared ARN, the resource
 * leaves the RAM share.
 */
export function revokeOne(ctx: CallContext, raw: PermissionChange, defaultCatalogId: string): void {
  const change = validate(raw, defaultCatalogId, false);
  authorize(ctx, change);
  const row = findGrant(ctx.world, change.principal, change.resource);
  const dropOption = new Set([...change.permissions, ...change.grantable]);
  if (!row || (!change.permissions.some((p) => row.permissions.includes(p)) && !row.grantable.some((p) => dropOption.has(p)))) {
    throw new AwsError('InvalidInputException', 'No permissions revoked. Grantee has no permissions and no grantable permissions on resource.');
  }
  row.permissions = row.permissions.filter((p) => !change.permissions.includes(p));
  row.grantable = row.grantable.filter((p) => !dropOption.has(p));
  row.grantedBy = ctx.caller.arn;
  row.grantedAt = ctx.now();
  if (row.permissions.length === 0 && row.grantable.length === 0) ctx.world.permissions = ctx.world.permissions.filter((r) => r !== row);
  const receiver = receiverOf(change);
  const arn = shareArn(ctx.world.region, change.resource);
  if (receiver !== undefined && arn !== undefined) releaseShareIfUnused(ctx, change.resource.catalogId, receiver, arn);
}
