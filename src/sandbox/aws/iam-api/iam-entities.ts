import { AwsError } from '../aws-error';
import type { Role, World } from '../world';

// Sources: IAM User Guide, "IAM identifiers" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html:
// `arn:aws:iam::<account>:role/<path><name>`, likewise `user/` and `group/`; IAM is per account); IAM service model
// (botocore iam/2010-05-08 service-2.json, shapes `pathType`, `roleNameType`, `NoSuchEntityException`: code
// NoSuchEntity, HTTP 404); the NoSuchEntity text as users report it (see `noSuchEntity`).

/** The IAM entity kinds an ARN can name (IAM User Guide, "IAM identifiers"). */
export type EntityKind = 'role' | 'user' | 'group';

/** An IAM role, user or group ARN, parsed. */
export interface EntityArn {
  arn: string;
  kind: EntityKind;
  accountId: string;
  /** `/` or `/a/b/` (the model's `pathType`). */
  path: string;
  name: string;
}

// Path: `/` or `/…/` of printable ASCII (`pathType`); name: `[\w+=,.@-]+` (`roleNameType`, `existingUserNameType`, `groupNameType`).
const ENTITY_ARN = /^arn:aws:iam::(\d{12}):(role|user|group)(\/(?:[\x21-\x7E]*\/)?)([\w+=,.@-]+)$/;

/** The entity an ARN names, or undefined for any other ARN (an STS session's, a policy's …). */
export function parseEntityArn(arn: string): EntityArn | undefined {
  const match = ENTITY_ARN.exec(arn);
  if (!match) return undefined;
  const [, accountId = '', kind = '', path = '/', name = ''] = match;
  return { arn, kind: kind as EntityKind, accountId, path, name };
}

/**
 * IAM's NoSuchEntity (HTTP 404, the model's `NoSuchEntityException`): `The role with name <name> cannot
 * be found.`, the text users of the real service report for GetRole (jarpy/lambkin pull request #3,
 * "NoSuchEntity … when calling the GetRole operation: The role with name lambda-basic-execution cannot
 * be found."; aws/amazon-sagemaker-examples issue #2300, "The role with name Tabular_Redshift cannot be
 * found."). The user and group wording follows the same pattern (docs silent).
 */
export function noSuchEntity(kind: EntityKind, name: string): AwsError {
  return new AwsError('NoSuchEntity', `The ${kind} with name ${name} cannot be found.`, 404);
}

/** A role of an account by name (IAM names are unique per account), if the world has it. */
export function findRole(world: World, accountId: string, name: string): Role | undefined {
  const roles = world.accounts[accountId]?.roles;
  return roles && Object.hasOwn(roles, name) ? roles[name] : undefined;
}

/**
 * Whether the world holds the role or user this ARN names (exactly this ARN, path included). Groups
 * are not modelled, so a group ARN is never found. Only the accounts' admin users are modelled as users.
 */
export function entityExists(world: World, entity: EntityArn): boolean {
  const account = world.accounts[entity.accountId];
  if (!account) return false;
  if (entity.kind === 'role') return findRole(world, entity.accountId, entity.name)?.arn === entity.arn;
  if (entity.kind === 'user') return account.adminUser.arn === entity.arn;
  return false;
}

/** The path of a role as IAM answers it: `/` unless its ARN has one (`role/a/b/Name` → `/a/b/`). */
export function pathOf(arn: string): string {
  return parseEntityArn(arn)?.path ?? '/';
}
