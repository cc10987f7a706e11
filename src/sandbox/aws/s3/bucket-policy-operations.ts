import type { CallContext } from '../operation';
import type { Bucket } from '../world';
import { checkBucketPolicy, principalExists } from './bucket-policy';
import { bucketOf } from './s3-access';
import { methodNotAllowed, noSuchBucketPolicy } from './s3-error';
import { s3Operation } from './s3-operation';
import { s3Payload } from './s3-payload';
import { emptyReply } from './s3-reply';
import { BucketRequestSchema } from './s3-request';

// Sources: Amazon S3 API Reference, "PutBucketPolicy", "GetBucketPolicy", "DeleteBucketPolicy" (owner
// account only; NoSuchBucketPolicy; MalformedPolicy).

/**
 * The bucket policy operations belong to the bucket owner's account: a caller without the permission
 * gets 403 AccessDenied (from IAM, before the handler); one with it (granted by the policy) but from
 * another account gets 405 MethodNotAllowed (PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy API
 * Reference, Permissions).
 */
function ownersOnly(ctx: CallContext, bucket: Bucket, method: string): void {
  if (ctx.caller.accountId !== bucket.ownerAccountId) throw methodNotAllowed(method, 'BUCKETPOLICY');
}

/** PutBucketPolicy: store the policy's JSON text after checking it (MalformedPolicy otherwise); answers 204. */
export const putBucketPolicy = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  ownersOnly(ctx, bucket, 'PUT');
  const text = s3Payload(req).bytes.toString('utf8');
  checkBucketPolicy(text, bucket.name, (principal) => principalExists(ctx.world, principal));
  bucket.policy = text;
  return emptyReply(204);
});

/** GetBucketPolicy: the stored policy text; NoSuchBucketPolicy (404) when the bucket has none. */
export const getBucketPolicy = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  ownersOnly(ctx, bucket, 'GET');
  if (bucket.policy === undefined) throw noSuchBucketPolicy(bucket.name);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: bucket.policy };
});

/** DeleteBucketPolicy: remove the policy (204, also when there was none). */
export const deleteBucketPolicy = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  ownersOnly(ctx, bucket, 'DELETE');
  delete bucket.policy;
  return emptyReply(204);
});
