import { AwsError } from '../aws-error';
import { policyDocumentOf } from '../iam/policy-text';
import type { KmsKey, PolicyDocument, World } from '../world';

/**
 * KMS keys as the emulator finds them: by key id, key ARN or alias, in the account and Region the
 * identifier names, and the key policy each key is authorized with.
 *
 * Sources:
 * - KMS API Reference, DescribeKey (`KeyId`: "key ID, key ARN, alias name, or alias ARN … To specify a
 *   KMS key in a different Amazon Web Services account, you must use the key ARN or alias ARN"): a bare
 *   key id or alias name is resolved in the caller's account.
 * - KMS Developer Guide, "Default key policy" (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html):
 *   a key created through the API without a policy gets one statement, "Enable IAM User Permissions",
 *   allowing the owning account's root principal `kms:*` on `*`, which lets IAM policies of that
 *   account allow access to the key.
 * - NotFoundException wordings, as users report them (the API Reference gives none): an unknown key
 *   "Key 'arn:aws:kms:us-east-1:…:key/02de…' does not exist" (boto/botocore issue #2107,
 *   ansible/ansible issue #60773, and through S3 minio/minio issue #6582); an identifier of no key
 *   format "Invalid keyId testkmskey" (crossplane-contrib/provider-aws issue #1056, aws/aws-cli issue
 *   #4507: "Invalid keyId aws/s3"); an ARN of another Region "Invalid arn eu-west-2" (apache/hadoop
 *   PR #4637); an alias "Alias arn:aws:kms:us-east-1:…:alias/cosign_key_test is not found."
 *   (sigstore/cosign issue #1474). Aliases are not modelled, so every alias is not found.
 */

const KEY_ID = /^(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const KMS_ARN = /^arn:aws:kms:([^:]*):(\d{12}):(key|alias)\/(.+)$/;

/** `arn:aws:kms:<region>:<account>:key/<key id>`. */
export function keyArnOf(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

/** The default key policy of a key created through the API without one ("Default key policy"). */
export function defaultKeyPolicy(accountId: string): string {
  const policy = {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }],
  };
  return JSON.stringify(policy, null, 2);
}

/** KMS's NotFoundException (400, the KMS model's status for it). */
export function kmsNotFound(message: string): AwsError {
  return new AwsError('NotFoundException', message);
}

/** A key the identifier names, or why there is none (NotFoundException's message). */
export type KeyLookup = { found: true; key: KmsKey } | { found: false; message: string };

/**
 * The key `keyRef` names: a key id or alias name in `accountId` (the caller's), or a key or alias ARN
 * in the account it names. The world's Region is the only one; an ARN of another is not found.
 */
export function lookupKey(world: World, keyRef: string, accountId: string): KeyLookup {
  const arn = KMS_ARN.exec(keyRef);
  if (arn) {
    const [, region = '', account = '', kind, name = ''] = arn;
    if (region !== world.region) return { found: false, message: `Invalid arn ${region}` };
    if (kind === 'alias') return { found: false, message: `Alias ${keyRef} is not found.` };
    return byId(world, account, name);
  }
  if (keyRef.startsWith('alias/')) return { found: false, message: `Alias arn:aws:kms:${world.region}:${accountId}:${keyRef} is not found.` };
  if (!KEY_ID.test(keyRef)) return { found: false, message: `Invalid keyId ${keyRef}` };
  return byId(world, accountId, keyRef);
}

function byId(world: World, accountId: string, keyId: string): KeyLookup {
  const keys = world.kmsKeys[accountId];
  const key = keys && Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
  return key ? { found: true, key } : { found: false, message: `Key '${keyArnOf(world.region, accountId, keyId)}' does not exist` };
}

/** A key policy text as a policy document, or undefined when it is not a JSON object. */
export function parseKeyPolicy(text: string): PolicyDocument | undefined {
  return policyDocumentOf(text);
}

/** The key's policy as IAM evaluates it: stored policies were checked when put, so one that does not parse is none (nothing allowed). */
export function keyPolicyOf(key: KmsKey): PolicyDocument {
  return parseKeyPolicy(key.policy) ?? { Version: '2012-10-17', Statement: [] };
}
