import { bucketOf } from './s3-access';
import { bucketNotEmpty } from './s3-error';
import { s3Operation } from './s3-operation';
import { emptyReply } from './s3-reply';
import { BucketRequestSchema } from './s3-request';

/**
 * DeleteBucket: needs `s3:DeleteBucket`; every object must be deleted first, else BucketNotEmpty (409)
 * (DeleteBucket API Reference). Answers 204.
 */
export const deleteBucket = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  if (Object.keys(bucket.objects).length > 0) throw bucketNotEmpty(bucket.name);
  Reflect.deleteProperty(ctx.world.buckets, bucket.name);
  return emptyReply(204);
});
