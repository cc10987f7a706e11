import { accessDeniedMessage } from '../iam/access-denied';
import { lookupKey, type KeyLookup } from '../kms/kms-keys';
import type { CallContext } from '../operation';
import type { Bucket, S3Object, World } from '../world';
import { S3Error } from './s3-error';

/**
 * SSE-KMS: S3 uses the customer managed key on the caller's behalf, so the caller needs the key's
 * permission too, decided by KMS (key policy, then IAM through it: iam/kms-actions.ts).
 *
 * Sources:
 * - S3 User Guide, "Using server-side encryption with AWS KMS keys (SSE-KMS)", Permissions: uploading
 *   needs kms:GenerateDataKey on the key, downloading kms:Decrypt; Lake Formation Developer Guide,
 *   "Registering an encrypted Amazon S3 location across AWS accounts": the key policy must let the role
 *   that reads the location kms:Decrypt (and the role's policy must allow it).
 * - PutObject API Reference: `x-amz-server-side-encryption: aws:kms` without a key id uses the AWS managed
 *   key `aws/s3`, which the emulator does not model (no check); without the header the bucket's default
 *   encryption applies (S3 User Guide, "Setting default server-side encryption behavior").
 * - ServerSideEncryptionByDefault, KMSMasterKeyID (S3 API Reference): "If you use a KMS key alias instead,
 *   then KMS resolves the key within the requester's account"; a key id likewise (KMS resolves key ids in
 *   the caller's account, DescribeKey's KeyId); cross-account needs the key ARN.
 * - kms:ViaService is `s3.<region>.amazonaws.com` for requests S3 makes on the caller's behalf (KMS
 *   Developer Guide, "kms:ViaService"), kms:CallerAccount the caller's account ("kms:CallerAccount").
 * - A key that does not exist: `KMS.NotFoundException`, 400, "Key 'arn:aws:kms:us-east-1:…:key/…' does
 *   not exist" (s3cmd against S3, quoted in minio/minio issue #6582; rustfs/rustfs PR #7423 for the status).
 *   For GetObject of an object whose key is gone: docs silent; the same answer here.
 * - A key KMS refuses: `AccessDenied`, 403, with KMS's message naming the key, as users report it for
 *   GetObject: "User: arn:aws:sts::…:assumed-role/… is not authorized to perform: kms:Decrypt on
 *   resource: arn:aws:kms:us-east-1:…:key/… because no identity-based policy allows the kms:Decrypt
 *   action" (cisagov/XFD PR #1371; status 403 in ministryofjustice/modernisation-platform PR #11726).
 *   For a caller of another account than the key's the wording is docs silent; the same format here.
 */

/** The algorithms that encrypt with a KMS key. */
export function isKmsAlgorithm(algorithm: string | undefined): boolean {
  return algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse';
}

/** The customer managed key a PutObject would encrypt with (as named by the request or bucket default), if any. */
export function putKmsKeyRef(headers: Record<string, string>, bucketDefault: Bucket['encryption']): string | undefined {
  const algorithm = headers['x-amz-server-side-encryption'];
  if (algorithm !== undefined) return isKmsAlgorithm(algorithm) ? headers['x-amz-server-side-encryption-aws-kms-key-id'] : undefined;
  return bucketDefault && isKmsAlgorithm(bucketDefault.algorithm) ? bucketDefault.kmsKeyId : undefined;
}

/** The customer managed key a stored object is encrypted with, if any. */
export function objectKmsKeyRef(object: S3Object): string | undefined {
  return object.serverSideEncryption && isKmsAlgorithm(object.serverSideEncryption.algorithm) ? object.serverSideEncryption.kmsKeyId : undefined;
}

/** The key a reference names, resolved in `accountId` when it is not an ARN (the requester's). */
export function s3KmsKey(world: World, keyRef: string, accountId: string): KeyLookup {
  return lookupKey(world, keyRef, accountId);
}

/** The request context KMS sees when S3 calls it for the caller. */
export function viaS3Context(region: string, callerAccount: string): Record<string, string> {
  return { 'kms:ViaService': `s3.${region}.amazonaws.com`, 'kms:CallerAccount': callerAccount };
}

/**
 * The key a KMS-encrypted request uses, once KMS allowed `action` on it for the caller (the mapping
 * evaluated the check, iam/s3-actions.ts): KMS.NotFoundException for no such key, AccessDenied for a
 * refusal. Answers the key's ARN, which S3 records and answers.
 */
export function authorizedKeyArn(ctx: CallContext, keyRef: string, accountId: string, action: string): string {
  const lookup = s3KmsKey(ctx.world, keyRef, accountId);
  if (!lookup.found) throw new S3Error('KMS.NotFoundException', lookup.message, 400);
  const decision = ctx.iam.decision(action, lookup.key.arn);
  if (!decision.allowed) {
    throw new S3Error('AccessDenied', accessDeniedMessage(ctx.caller.arn, { action, resource: lookup.key.arn, resourceAccount: lookup.key.accountId }, decision), 403);
  }
  return lookup.key.arn;
}
