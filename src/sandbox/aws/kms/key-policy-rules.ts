import { AwsError } from '../aws-error';
import { checkEvaluator, IamSimulationError } from '../iam/evaluate-check';
import { iamPrincipalOf } from '../iam/iam-principal';
import type { CallContext } from '../operation';
import { parseKeyPolicy } from './kms-keys';

/**
 * What KMS checks when a key policy is given (CreateKey's `Policy`, PutKeyPolicy).
 *
 * Sources:
 * - KMS API Reference, CreateKey and PutKeyPolicy, `Policy` (botocore kms/2014-11-01 model): the
 *   policy "must allow the calling principal to make a subsequent PutKeyPolicy request on the KMS key"
 *   unless `BypassPolicyLockoutSafetyCheck` is true; "Each statement in the key policy must contain one
 *   or more principals. The principals in the key policy must exist and be visible to KMS"; refusals
 *   are MalformedPolicyDocumentException (both operations' error lists).
 * - The lockout refusal's wording, as users report it: "MalformedPolicyDocumentException: The new key
 *   policy will not allow you to update the key policy in the future." (terraform-aws-modules/terraform-aws-kms
 *   issue #14; data-dot-all/dataall issue #956 for PutKeyPolicy), status 400
 *   (aws-solutions/innovation-sandbox-on-aws issue #31: "(Service: Kms, Status Code: 400 …)").
 * - The invalid principal's wording is the one KMS is widely quoted with ("Policy contains a statement
 *   with one or more invalid principals."); the other reasons' wordings: docs silent, ours.
 * A principal is invalid when it names a role or user of an emulated account that the account does not
 * have; account roots and principals of accounts the emulator does not hold are taken as they come.
 */

type Json = Record<string, unknown>;

const ROLE_OR_USER = /^arn:aws:(?:iam|sts)::(\d{12}):(?:role|user|assumed-role)\/(?:.*\/)?([^/]+?)(?:\/[^/]+)?$/;

function malformed(message: string): AwsError {
  return new AwsError('MalformedPolicyDocumentException', message);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Whether an AWS principal of a key policy is visible to KMS in the emulator's world. */
function principalValid(ctx: CallContext, principal: unknown): boolean {
  if (typeof principal !== 'string') return false;
  if (principal === '*' || /^\d{12}$/.test(principal) || /^arn:aws:iam::\d{12}:root$/.test(principal)) return true;
  const match = /^arn:aws:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/.exec(principal);
  if (!match) return ROLE_OR_USER.test(principal);
  const account = ctx.world.accounts[match[1] ?? ''];
  if (!account) return true;
  return match[2] === 'role' ? account.roles[match[3] ?? ''] !== undefined : account.adminUser.userName === match[3];
}

/** Refuse a policy that is not a JSON object of statements, each with an effect, a principal and an action. */
function checkShape(ctx: CallContext, text: string): Json {
  const policy = parseKeyPolicy(text);
  if (!policy) throw malformed('The key policy is not a valid JSON object.');
  const statements = asList(policy.Statement);
  if (statements.length === 0) throw malformed('The key policy has no Statement.');
  for (const raw of statements) {
    const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed('Each statement of the key policy needs an Effect of Allow or Deny.');
    if (s.Principal === undefined && s.NotPrincipal === undefined) throw malformed('Each statement of the key policy must contain one or more principals.');
    if (s.Action === undefined && s.NotAction === undefined) throw malformed('Each statement of the key policy needs an Action.');
    const principal = s.Principal ?? s.NotPrincipal;
    const aws = principal === '*' ? ['*'] : asList(typeof principal === 'object' && principal !== null ? (principal as Json).AWS : undefined);
    if (!aws.every((p) => principalValid(ctx, p))) throw malformed('Policy contains a statement with one or more invalid principals.');
  }
  return policy;
}

/**
 * Check a key policy for the key `keyArn` of `accountId`: its shape and principals, its grammar as
 * IAM reads it, and (unless bypassed) that it still lets the caller call PutKeyPolicy on the key.
 */
export async function checkKeyPolicy(ctx: CallContext, text: string, key: { arn: string; accountId: string }, bypassLockoutCheck: boolean): Promise<void> {
  const policy = checkShape(ctx, text);
  const evaluate = checkEvaluator(iamPrincipalOf(ctx.world, ctx.caller));
  let allowed: boolean;
  try {
    const decision = await evaluate({ action: 'kms:PutKeyPolicy', resource: key.arn, resourceAccount: key.accountId, resourcePolicy: policy, context: { 'kms:CallerAccount': ctx.caller.accountId } });
    allowed = decision.allowed;
  } catch (error) {
    // The evaluator refuses a policy it cannot read (an unknown condition operator, a malformed ARN …).
    if (error instanceof IamSimulationError) throw malformed(`The key policy is not valid: ${JSON.stringify(error.errors?.resourcePolicyErrors ?? error.message)}`);
    throw error;
  }
  if (!allowed && !bypassLockoutCheck) throw malformed('The new key policy will not allow you to update the key policy in the future.');
}
