import type { CallContext } from '../operation';
import type { Bucket, S3Object } from '../world';
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
 * Whether IAM allowed the caller `action` on an S3 `resource`: identity and bucket policy,
 * same-account and cross-account rules (iam/s3-actions.ts, "How Amazon S3 authorizes a request" in
 * the S3 User Guide), decided before the handler ran.
 */
export function mayAccess(ctx: CallContext, action: string, resource: string): boolean {
  return ctx.iam.allowed(action, resource);
}

/** The object stored under `key` (keys are arbitrary strings, so only own properties count). */
export function objectAt(bucket: Bucket, key: string): S3Object | undefined {
  return Object.hasOwn(bucket.objects, key) ? bucket.objects[key] : undefined;
}

/** Store an object under its key (defined as an own property, so a key like `__proto__` is a key). */
export function storeObject(bucket: Bucket, object: S3Object): void {
  Object.defineProperty(bucket.objects, object.key, { value: object, enumerable: true, writable: true, configurable: true });
}
