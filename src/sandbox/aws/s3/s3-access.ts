import type { CallContext } from '../operation';
import type { Bucket, S3Object } from '../world';
import { policyVerdict } from './bucket-policy';
import { accessDenied, noSuchBucket } from './s3-error';
import type { BucketRequest } from './s3-request';

/** `arn:aws:s3:::bucket`. */
export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/** `arn:aws:s3:::bucket/key`. */
export function objectArn(bucket: string, key: string): string {
  return `arn:aws:s3:::${bucket}/${key}`;
}

/**
 * The bucket a request names (NoSuchBucket when there is none). An `x-amz-expected-bucket-owner` that
 * is not the owner's account is refused with 403 AccessDenied (S3 User Guide, "Verifying bucket
 * ownership with bucket owner condition").
 */
export function bucketOf(ctx: CallContext, req: BucketRequest): Bucket {
  const bucket = Object.hasOwn(ctx.world.buckets, req.Bucket) ? ctx.world.buckets[req.Bucket] : undefined;
  if (!bucket) throw noSuchBucket(req.Bucket);
  const expected = req.headers['x-amz-expected-bucket-owner'];
  if (expected !== undefined && expected !== bucket.ownerAccountId) throw accessDenied();
  return bucket;
}

/**
 * Whether the caller may do `action` on `resource` of the bucket, after the S3 User Guide's request
 * authorization ("How Amazon S3 authorizes a request"): an explicit Deny in the bucket policy refuses
 * anyone; the owner account's principals are allowed (the emulator models no identity policies, so
 * their IAM permissions are taken as granted); another account's principals need an Allow in the
 * bucket policy (their own account's identity policy is likewise taken as allowing).
 */
export function mayAccess(ctx: CallContext, bucket: Bucket, action: string, resource: string): boolean {
  const verdict = policyVerdict(bucket.policy, ctx.caller, action, resource);
  if (verdict === 'deny') return false;
  return ctx.caller.accountId === bucket.ownerAccountId || verdict === 'allow';
}

/** Refuse with 403 AccessDenied unless `mayAccess`. */
export function authorizeS3(ctx: CallContext, bucket: Bucket, action: string, resource: string): void {
  if (!mayAccess(ctx, bucket, action, resource)) throw accessDenied();
}

/** The object stored under `key` (keys are arbitrary strings, so only own properties count). */
export function objectAt(bucket: Bucket, key: string): S3Object | undefined {
  return Object.hasOwn(bucket.objects, key) ? bucket.objects[key] : undefined;
}

/** Store an object under its key (defined as an own property, so a key like `__proto__` is a key). */
export function storeObject(bucket: Bucket, object: S3Object): void {
  Object.defineProperty(bucket.objects, object.key, { value: object, enumerable: true, writable: true, configurable: true });
}
