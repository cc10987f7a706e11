import { keyPolicyOf, lookupKey } from '../kms/kms-keys';
import type { KmsKey } from '../world';
import { type ActionMapping, member } from './action-mapping';
import type { IamCheck } from './iam-check';

/**
 * The IAM checks of the emulated KMS operations, with the key policy as the resource policy.
 *
 * Sources:
 * - Service Authorization Reference, "Actions, resources, and condition keys for AWS Key Management
 *   Service": kms:CreateKey has no resource type (`*`); kms:DescribeKey, kms:GetKeyPolicy,
 *   kms:PutKeyPolicy, kms:Decrypt and kms:GenerateDataKey act on the `key` resource type
 *   (`arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`); kms:CallerAccount and kms:ViaService are
 *   condition keys of those actions.
 * - KMS Developer Guide, "Key policies in AWS KMS" (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html):
 *   "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS
 *   key. Without permission from the key policy, IAM policies that allow permissions have no effect."
 *   and "Using IAM policies with AWS KMS": to use an IAM policy, "the key policy must include the policy
 *   statement that enables IAM policies" (the account root principal, "Default key policy").
 *
 * How the rule maps onto the evaluator: @cloud-copilot/iam-simulate authorizes `kms:` actions with its
 * KmsServiceAuthorizer, which for a `key/…` resource replaces the usual "within one account, the
 * identity policy or the resource policy may allow" with KMS's trust: the principal's identity
 * policies count only through key policy statements that allow the principal's account as a whole
 * (`arn:aws:iam::<account>:root` or the bare account id, its "AccountLevelMatch"), in either account;
 * a statement naming the principal itself allows without any identity policy. So:
 * - key policy names the role (same or other account: across accounts the identity policy must allow
 *   too, as for every cross-account request) → allowed;
 * - key policy allows only the account root, identity policy allows → allowed (root delegates to IAM);
 * - key policy allows only the account root, no identity policy → denied;
 * - key policy names neither the principal nor its account → denied, whatever the identity policy.
 * An explicit deny in either policy denies. CreateKey (`*`) is decided by the identity policy alone.
 * A key that does not exist has no check: the handler answers NotFoundException.
 */

/** A check of `action` on `key`, authorized with its key policy. */
export function keyCheck(key: KmsKey, action: string, context: Record<string, string | string[]>, advisory = false): IamCheck {
  return { action, resource: key.arn, resourceAccount: key.accountId, resourcePolicy: keyPolicyOf(key), context, ...(advisory && { advisory }) };
}

const KEY_ACTIONS: Record<string, string> = {
  DescribeKey: 'kms:DescribeKey',
  GetKeyPolicy: 'kms:GetKeyPolicy',
  PutKeyPolicy: 'kms:PutKeyPolicy',
};

/** The IAM checks of a KMS call. */
export const kmsActions: ActionMapping = (call) => {
  const { caller, operation, input, world } = call;
  const context = { 'kms:CallerAccount': caller.accountId };
  if (operation === 'CreateKey') return [{ action: 'kms:CreateKey', resource: '*', resourceAccount: caller.accountId, context }];
  const action = KEY_ACTIONS[operation];
  const keyRef = member(input, 'KeyId');
  if (action === undefined || keyRef === undefined) return [];
  const lookup = lookupKey(world, keyRef, caller.accountId);
  return lookup.found ? [keyCheck(lookup.key, action, context)] : [];
};
