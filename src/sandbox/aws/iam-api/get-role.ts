import * as z from 'zod';
import { operation } from '../operation';
import { uniqueIdOf } from '../sts/unique-ids';
import type { PolicyDocument } from '../world';
import { queryTimestamp } from '../wire/query-xml';
import { findRole, noSuchEntity, pathOf } from './iam-entities';

// Sources: IAM API Reference, "GetRole" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html:
// RoleName 1–64 characters of `[\w+=,.@-]+`; NoSuchEntity, HTTP 404; "Policies returned by this operation are
// URL-encoded compliant with RFC 3986") and "Role" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html);
// IAM service model (botocore iam/2010-05-08 service-2.json, shapes `GetRoleRequest`, `GetRoleResponse`, `Role`:
// Path, RoleName, RoleId, Arn and CreateDate required); IAM User Guide, "IAM identifiers" (role ids start `AROA`).

export const GetRoleInputSchema = z.object({
  RoleName: z.string().min(1).max(64).regex(/^[\w+=,.@-]+$/, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+'),
});

/**
 * A policy document as IAM answers it: its JSON text URL-encoded per RFC 3986 (every character but the
 * unreserved `A–Z a–z 0–9 - . _ ~` percent-encoded), which `decodeURIComponent` turns back into JSON.
 */
export function encodePolicyDocument(policy: PolicyDocument): string {
  return encodeURIComponent(JSON.stringify(policy)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * IAM GetRole: the caller's account's role by name (IAM is per account), with its path (from its ARN),
 * stable `AROA…` id (the one STS AssumeRole's AssumedRoleId carries), creation date, trust policy
 * (AssumeRolePolicyDocument) and MaxSessionDuration. The caller needs iam:GetRole on the role
 * (iam/iam-actions.ts). Not modelled: Description, PermissionsBoundary, Tags, RoleLastUsed.
 *
 * A role the world has no creation date for (one a test put in, or from a world saved before dates)
 * is dated the first time IAM describes it, so later answers agree.
 */
export const getRole = operation(GetRoleInputSchema, (ctx, input) => {
  const role = findRole(ctx.world, ctx.caller.accountId, input.RoleName);
  if (!role) throw noSuchEntity('role', input.RoleName);
  role.createdAt ??= ctx.now();
  return {
    Role: {
      Path: pathOf(role.arn),
      RoleName: role.name,
      RoleId: uniqueIdOf('AROA', role.arn),
      Arn: role.arn,
      CreateDate: queryTimestamp(role.createdAt),
      AssumeRolePolicyDocument: encodePolicyDocument(role.trustPolicy),
      MaxSessionDuration: role.maxSessionDuration,
    },
  };
});
