import * as z from 'zod';
import { AwsError } from '../aws-error';
import { operation, type CallContext } from '../operation';
import type { Role } from '../world';
import { queryTimestamp } from '../wire/query-xml';
import { issueTemporaryKeys, uniqueIdOf } from './unique-ids';

const NAME_CHARS = /^[\w+=,.@-]*$/;
const CHAINED_MAX_SECONDS = 3600;

const SessionName = z.string().min(2).max(64).regex(NAME_CHARS, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');

export const AssumeRoleInputSchema = z.object({
  RoleArn: z.string().min(20).max(2048),
  RoleSessionName: SessionName,
  DurationSeconds: z.coerce.number().int().min(900).max(43_200).optional(),
  SourceIdentity: SessionName.refine((v) => !v.toLowerCase().startsWith('aws:'), 'Member must not start with "aws:"').optional(),
  // Accepted and not enforced by the emulator.
  ExternalId: z.string().optional(),
  Policy: z.string().optional(),
});

function accessDenied(ctx: CallContext, roleArn: string, why?: string): AwsError {
  const base = `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`;
  return new AwsError('AccessDenied', why === undefined ? base : `${base} (${why})`, 403);
}

function findRole(ctx: CallContext, roleArn: string): Role | undefined {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(roleArn);
  if (!match) throw new AwsError('ValidationError', `${roleArn} is invalid`, 400);
  const role = ctx.world.accounts[match[1] ?? '']?.roles[match[2] ?? ''];
  return role?.arn === roleArn ? role : undefined;
}

// Expired sessions keep answering ExpiredToken for a day, then are dropped so long runs and the
// persisted world do not grow without bound.
const FORGET_AFTER_MS = 24 * 3600 * 1000;

function forgetLongExpiredSessions(ctx: CallContext): void {
  const cutoff = ctx.now() - FORGET_AFTER_MS;
  for (const [key, credential] of Object.entries(ctx.world.credentials)) {
    if (credential.expiresAt !== undefined && credential.expiresAt < cutoff) Reflect.deleteProperty(ctx.world.credentials, key);
  }
}

/**
 * STS AssumeRole with the rules Meshbot relies on: the role's trust policy and the caller's identity
 * policy (evaluated by IAM before the handler, iam/sts-actions.ts, with sts:SetSourceIdentity when a
 * SourceIdentity is set or carried), the SourceIdentity carried unchanged along a chain, the role's
 * MaxSessionDuration and the 1-hour cap on role chaining. Issues `ASIA…` keys on the emulator clock.
 */
export const assumeRole = operation(AssumeRoleInputSchema, (ctx, input) => {
  const { caller } = ctx;
  const role = findRole(ctx, input.RoleArn);
  // AWS answers AccessDenied, not NoSuchEntity, for a role that does not exist.
  if (!role) throw accessDenied(ctx, input.RoleArn);
  const chained = caller.sessionName !== undefined;
  const duration = input.DurationSeconds ?? 3600;
  if (chained && duration > CHAINED_MAX_SECONDS) {
    throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', 400);
  }
  if (duration > role.maxSessionDuration) {
    throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400);
  }
  if (caller.sourceIdentity !== undefined && input.SourceIdentity !== undefined && input.SourceIdentity !== caller.sourceIdentity) {
    throw accessDenied(ctx, input.RoleArn, `the session's SourceIdentity "${caller.sourceIdentity}" cannot be changed`);
  }
  const sourceIdentity = caller.sourceIdentity ?? input.SourceIdentity;

  const accountId = /^arn:aws:iam::(\d{12}):/.exec(input.RoleArn)?.[1] ?? '';
  const arn = `arn:aws:sts::${accountId}:assumed-role/${role.name}/${input.RoleSessionName}`;
  const keys = issueTemporaryKeys();
  const expiresAt = ctx.now() + duration * 1000;
  forgetLongExpiredSessions(ctx);
  ctx.world.credentials[keys.accessKeyId] = {
    ...keys,
    accountId,
    arn,
    principalArn: role.arn,
    roleName: role.name,
    sessionName: input.RoleSessionName,
    ...(sourceIdentity !== undefined && { sourceIdentity }),
    expiresAt,
  };
  return {
    Credentials: { AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey, SessionToken: keys.sessionToken, Expiration: queryTimestamp(expiresAt) },
    AssumedRoleUser: { AssumedRoleId: `${uniqueIdOf('AROA', role.arn)}:${input.RoleSessionName}`, Arn: arn },
    PackedPolicySize: input.Policy === undefined ? undefined : 6,
    SourceIdentity: sourceIdentity,
  };
});
