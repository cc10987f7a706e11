import * as z from 'zod';
import { isDataLakeAdmin } from '../access/data-lake-settings';
import { findRegistration } from '../access/data-locations';
import { locationOfArn } from '../access/s3-location';
import { AwsError } from '../aws-error';
import { type CallContext, operation } from '../operation';
import { lfAccessDenied } from './access-denied';

/** The Lake Formation service-linked role ("Using service-linked roles for Lake Formation"). */
function serviceLinkedRoleArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess`;
}

/** `ResourceArn` of the data location operations: an Amazon S3 bucket or prefix ARN. */
const ResourceArnSchema = z.string().min(1);

export const RegisterResourceInputSchema = z.object({
  ResourceArn: ResourceArnSchema,
  UseServiceLinkedRole: z.boolean().optional(),
  // IAMRoleArn in the Lake Formation model: `arn:aws:iam::[0-9]*:role/.*`.
  RoleArn: z.string().regex(/^arn:aws:iam::[0-9]*:role\/.*$/).optional(),
  WithFederation: z.boolean().optional(),
  HybridAccessEnabled: z.boolean().optional(),
  WithPrivilegedAccess: z.boolean().optional(),
  ExpectedResourceOwnerAccount: z.string().regex(/^\d{12}$/).optional(),
});

/** The S3 location an ARN names; InvalidInputException for anything else (the docs register Amazon S3 locations only). */
function checkS3Arn(resourceArn: string): void {
  if (!locationOfArn(resourceArn)) throw new AwsError('InvalidInputException', `Invalid resource ARN ${resourceArn}: expected an Amazon S3 location, arn:aws:s3:::bucket[/prefix].`);
}

/**
 * Only data lake administrators register and deregister locations in the emulator. The guide has the
 * data lake administrator (or a user with the `lakeformation:RegisterResource` IAM permission) sign in
 * to register ("Registering an Amazon S3 location"), and "Data lake administrators can register Amazon
 * S3 locations only if they have IAM permissions to do so" ("Implicit Lake Formation permissions"); the
 * emulator models no IAM policies, so the IAM-only route is not open.
 */
function requireAdmin(ctx: CallContext, action: string): void {
  if (!isDataLakeAdmin(ctx.world, ctx.caller, ctx.caller.accountId)) {
    throw lfAccessDenied(`${ctx.caller.principalArn} is not a data lake administrator of account ${ctx.caller.accountId}, so it may not ${action} data lake locations.`);
  }
}

/**
 * RegisterResource: register an Amazon S3 location in the caller's account, with the role Lake
 * Formation will use for it: `RoleArn`, or the service-linked role when `UseServiceLinkedRole` is true
 * ("If UseServiceLinkedRole is not set to true, you must provide or set the RoleArn", RegisterResource
 * API reference). Registering a location that is registered already is AlreadyExistsException (the
 * model's error; the docs do not say whether an overlapping, different path is refused, so it is not).
 */
export const registerResource = operation(RegisterResourceInputSchema, (ctx, input) => {
  requireAdmin(ctx, 'register');
  checkS3Arn(input.ResourceArn);
  const useServiceLinkedRole = input.UseServiceLinkedRole === true;
  if (!useServiceLinkedRole && input.RoleArn === undefined) throw new AwsError('InvalidInputException', 'RoleArn is required when UseServiceLinkedRole is not true.');
  const accountId = ctx.caller.accountId;
  if (findRegistration(ctx.world, accountId, input.ResourceArn)) throw new AwsError('AlreadyExistsException', 'Resource is already registered');
  const registration = {
    ResourceArn: input.ResourceArn,
    // The docs are silent on a request with both; the service-linked role is the one asked for by name.
    RoleArn: useServiceLinkedRole ? serviceLinkedRoleArn(accountId) : (input.RoleArn ?? ''),
    UseServiceLinkedRole: useServiceLinkedRole,
    ...(input.WithFederation === undefined ? {} : { WithFederation: input.WithFederation }),
    ...(input.HybridAccessEnabled === undefined ? {} : { HybridAccessEnabled: input.HybridAccessEnabled }),
    ...(input.WithPrivilegedAccess === undefined ? {} : { WithPrivilegedAccess: input.WithPrivilegedAccess }),
    ...(input.ExpectedResourceOwnerAccount === undefined ? {} : { ExpectedResourceOwnerAccount: input.ExpectedResourceOwnerAccount }),
    LastModified: ctx.now(),
    registeredBy: ctx.caller.arn,
  };
  (ctx.world.dataLocations[accountId] ??= []).push(registration);
  return {};
});

export const DeregisterResourceInputSchema = z.object({ ResourceArn: ResourceArnSchema });

/**
 * DeregisterResource: remove the caller's account's registration of the location
 * (EntityNotFoundException when it has none, as the model lists). Data location grants on it are kept:
 * the docs do not say they go, and they matter again only if the location is registered again.
 */
export const deregisterResource = operation(DeregisterResourceInputSchema, (ctx, input) => {
  requireAdmin(ctx, 'deregister');
  checkS3Arn(input.ResourceArn);
  const accountId = ctx.caller.accountId;
  const registration = findRegistration(ctx.world, accountId, input.ResourceArn);
  if (!registration) throw new AwsError('EntityNotFoundException', 'Entity not found');
  ctx.world.dataLocations[accountId] = (ctx.world.dataLocations[accountId] ?? []).filter((r) => r !== registration);
  return {};
});
