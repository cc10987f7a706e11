import { objectKmsKeyRef, putKmsKeyRef, s3KmsKey, viaS3Context } from '../s3/sse-kms';
import type { Bucket, PolicyDocument } from '../world';
import { type ActionMapping, type MappedCall, member } from './action-mapping';
import type { IamCheck } from './iam-check';
import { policyDocumentOf } from './policy-text';
import { keyCheck } from './kms-actions';

/**
 * The IAM checks of the emulated S3 operations: the action each operation needs (S3 User Guide,
 * "Required permissions for Amazon S3 API operations"; Service Authorization Reference, "Actions,
 * resources, and condition keys for Amazon S3") on the bucket (`arn:aws:s3:::bucket`) or object
 * (`arn:aws:s3:::bucket/key`) ARN, with the bucket policy as the resource policy. Within the bucket
 * owner's account either the identity or the bucket policy may allow; across accounts both must (S3
 * User Guide, "How Amazon S3 authorizes a request"). A bucket that does not exist is the handler's
 * NoSuchBucket, so it has no check. Object ACLs and Block Public Access are not modelled.
 *
 * SSE-KMS adds KMS's own check on the customer managed key, with its key policy (s3/sse-kms.ts):
 * kms:GenerateDataKey for a PutObject that encrypts with one, kms:Decrypt for a GetObject of an object
 * encrypted with one (S3 User Guide, "Using server-side encryption with AWS KMS keys (SSE-KMS)",
 * Permissions; not HeadObject, which reads no data). They are advisory: the handler refuses after S3's
 * own checks pass, with KMS's message, and answers KMS.NotFoundException for a key that does not exist
 * (which has no check).
 */

const BUCKET_ACTIONS: Record<string, string> = {
  HeadBucket: 's3:ListBucket',
  ListObjectsV2: 's3:ListBucket',
  DeleteBucket: 's3:DeleteBucket',
  PutBucketPolicy: 's3:PutBucketPolicy',
  GetBucketPolicy: 's3:GetBucketPolicy',
  DeleteBucketPolicy: 's3:DeleteBucketPolicy',
  PutBucketEncryption: 's3:PutEncryptionConfiguration',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  // DeleteBucketEncryption is authorized as s3:PutEncryptionConfiguration (S3 API Reference, DeleteBucketEncryption).
  DeleteBucketEncryption: 's3:PutEncryptionConfiguration',
};

const OBJECT_ACTIONS: Record<string, string> = {
  PutObject: 's3:PutObject',
  GetObject: 's3:GetObject',
  // HeadObject is authorized as s3:GetObject (S3 API Reference, HeadObject).
  HeadObject: 's3:GetObject',
  DeleteObject: 's3:DeleteObject',
};

/** The bucket policy as IAM reads it; a stored policy that is not a JSON object counts as none (PutBucketPolicy refuses those). */
function policyOf(bucket: Bucket): PolicyDocument | undefined {
  return bucket.policy === undefined ? undefined : policyDocumentOf(bucket.policy);
}

/** The IAM checks of an S3 call. */
export const s3Actions: ActionMapping = (call) => {
  const { caller, operation, input, world } = call;
  if (operation === 'ListBuckets') return [{ action: 's3:ListAllMyBuckets', resource: '*', resourceAccount: caller.accountId }];
  const name = member(input, 'Bucket');
  if (name === undefined) return [];
  const bucketArn = `arn:aws:s3:::${name}`;
  if (operation === 'CreateBucket') return [{ action: 's3:CreateBucket', resource: bucketArn, resourceAccount: caller.accountId }];
  const bucket = Object.hasOwn(world.buckets, name) ? world.buckets[name] : undefined;
  if (!bucket) return [];
  const resourcePolicy = policyOf(bucket);
  const on = (action: string, resource: string, advisory = false): IamCheck => ({
    action,
    resource,
    resourceAccount: bucket.ownerAccountId,
    ...(resourcePolicy && { resourcePolicy }),
    ...(advisory && { advisory }),
  });
  const bucketAction = BUCKET_ACTIONS[operation];
  if (bucketAction !== undefined) return [on(bucketAction, bucketArn)];
  const objectAction = OBJECT_ACTIONS[operation];
  const key = member(input, 'Key');
  if (objectAction === undefined || key === undefined) return [];
  const checks = [on(objectAction, `${bucketArn}/${key}`)];
  // A missing key is NoSuchKey only for a caller who may list the bucket, else AccessDenied (S3 API Reference, GetObject, "Permissions").
  if (operation === 'GetObject' || operation === 'HeadObject') checks.push(on('s3:ListBucket', bucketArn, true));
  checks.push(...kmsChecks(call, bucket, key));
  return checks;
};

/** KMS's check on the customer managed key a PutObject encrypts with or a GetObject decrypts with, if any. */
function kmsChecks(call: MappedCall, bucket: Bucket, key: string): IamCheck[] {
  const { caller, operation, input, world, region } = call;
  let keyRef: string | undefined;
  let accountId = caller.accountId;
  let action = '';
  if (operation === 'PutObject') {
    const headers = (input as { headers?: Record<string, string> }).headers ?? {};
    keyRef = putKmsKeyRef(headers, bucket.encryption);
    action = 'kms:GenerateDataKey';
  } else if (operation === 'GetObject') {
    const object = Object.hasOwn(bucket.objects, key) ? bucket.objects[key] : undefined;
    keyRef = object && objectKmsKeyRef(object);
    // Objects record the key's ARN; a bare id recorded by an older world is the bucket owner's (docs silent).
    accountId = bucket.ownerAccountId;
    action = 'kms:Decrypt';
  }
  if (keyRef === undefined) return [];
  const lookup = s3KmsKey(world, keyRef, accountId);
  return lookup.found ? [keyCheck(lookup.key, action, viaS3Context(region, caller.accountId), true)] : [];
}
