import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { AwsError } from '../aws-error';
import { accessDeniedMessage } from '../iam/access-denied';
import { operation, type CallContext } from '../operation';
import type { KmsKey } from '../world';
import { defaultKeyPolicy, keyArnOf, kmsNotFound, lookupKey } from './kms-keys';
import { checkKeyPolicy } from './key-policy-rules';

/**
 * KMS's key operations: CreateKey, DescribeKey, GetKeyPolicy, PutKeyPolicy.
 *
 * Sources:
 * - KMS API Reference (botocore kms/2014-11-01 model): the request and response members of each
 *   operation and KeyMetadata; `PolicyName` "The only valid name is default" (GetKeyPolicy,
 *   PutKeyPolicy); `Policy` at most 131,072 characters (PolicyType); errors NotFoundException,
 *   MalformedPolicyDocumentException (400 each).
 * - KMS API Reference, GetKeyPolicy and PutKeyPolicy: "Cross-account use: No. You cannot perform this
 *   operation on a KMS key in a different AWS account." Which error answers such a call: docs silent;
 *   the emulator refuses it as access denied.
 * - A PolicyName other than `default`: docs silent on the error; NotFoundException here.
 * - KMS Developer Guide, "Default key policy": CreateKey without `Policy` gets the default key policy.
 * Symmetric keys only matter to the emulator (S3 SSE-KMS); KeySpec and KeyUsage are recorded as given.
 */

const KeyIdSchema = z.string().min(1).max(2048);
const PolicySchema = z.string().min(1).max(131_072);
const PolicyNameSchema = z.string().min(1).max(128).regex(/^\w+$/);

/** KeyMetadata as DescribeKey and CreateKey answer it (awsJson timestamps are epoch seconds). */
function keyMetadata(key: KmsKey): Record<string, unknown> {
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.createdAt / 1000,
    // Keys the emulator holds are always Enabled (it models no DisableKey or deletion).
    Enabled: true,
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    ...(key.keyUsage === 'ENCRYPT_DECRYPT' && key.keySpec === 'SYMMETRIC_DEFAULT' && { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] }),
    MultiRegion: false,
  };
}

/** The key `keyRef` names, or NotFoundException. */
function keyOf(ctx: CallContext, keyRef: string): KmsKey {
  const lookup = lookupKey(ctx.world, keyRef, ctx.caller.accountId);
  if (!lookup.found) throw kmsNotFound(lookup.message);
  return lookup.key;
}

/** A key of this account only (GetKeyPolicy, PutKeyPolicy: "Cross-account use: No"). */
function ownKeyOf(ctx: CallContext, keyRef: string, action: string): KmsKey {
  const key = keyOf(ctx, keyRef);
  if (key.accountId !== ctx.caller.accountId) {
    const check = { action, resource: key.arn, resourceAccount: key.accountId };
    throw new AwsError('AccessDeniedException', accessDeniedMessage(ctx.caller.arn, check, { allowed: false, policyType: 'resource', explicit: false }));
  }
  return key;
}

function policyNameOf(name: string | undefined): string {
  const policyName = name ?? 'default';
  if (policyName !== 'default') throw kmsNotFound(`No such policy: ${policyName}. The only key policy name is default.`);
  return policyName;
}

export const createKey = operation(
  z
    .object({
      Policy: PolicySchema.optional(),
      Description: z.string().max(8192).optional(),
      KeyUsage: z.enum(['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT']).optional(),
      KeySpec: z.string().optional(),
      CustomerMasterKeySpec: z.string().optional(),
      BypassPolicyLockoutSafetyCheck: z.boolean().optional(),
    })
    .loose(),
  async (ctx, input) => {
    const accountId = ctx.caller.accountId;
    const keyId = randomUUID();
    const arn = keyArnOf(ctx.region, accountId, keyId);
    if (input.Policy !== undefined) await checkKeyPolicy(ctx, input.Policy, { arn, accountId }, input.BypassPolicyLockoutSafetyCheck === true);
    const key: KmsKey = {
      keyId,
      arn,
      accountId,
      description: input.Description ?? '',
      keyUsage: input.KeyUsage ?? 'ENCRYPT_DECRYPT',
      keySpec: input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT',
      policy: input.Policy ?? defaultKeyPolicy(accountId),
      createdAt: ctx.now(),
      state: 'Enabled',
    };
    (ctx.world.kmsKeys[accountId] ??= {})[keyId] = key;
    return { KeyMetadata: keyMetadata(key) };
  },
);

export const describeKey = operation(z.object({ KeyId: KeyIdSchema }).loose(), (ctx, input) => ({ KeyMetadata: keyMetadata(keyOf(ctx, input.KeyId)) }));

export const getKeyPolicy = operation(z.object({ KeyId: KeyIdSchema, PolicyName: PolicyNameSchema.optional() }), (ctx, input) => {
  const key = ownKeyOf(ctx, input.KeyId, 'kms:GetKeyPolicy');
  return { Policy: key.policy, PolicyName: policyNameOf(input.PolicyName) };
});

export const putKeyPolicy = operation(
  z.object({ KeyId: KeyIdSchema, PolicyName: PolicyNameSchema.optional(), Policy: PolicySchema, BypassPolicyLockoutSafetyCheck: z.boolean().optional() }),
  async (ctx, input) => {
    const key = ownKeyOf(ctx, input.KeyId, 'kms:PutKeyPolicy');
    policyNameOf(input.PolicyName);
    await checkKeyPolicy(ctx, input.Policy, key, input.BypassPolicyLockoutSafetyCheck === true);
    key.policy = input.Policy;
    return {};
  },
);
