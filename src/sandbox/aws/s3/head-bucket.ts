import { bucketArn, bucketOf } from './s3-access';
import { s3Operation } from './s3-operation';
import { emptyReply } from './s3-reply';
import { BucketRequestSchema } from './s3-request';

/**
 * HeadBucket: 200 with the bucket's Region when it exists and the caller has `s3:ListBucket` on it;
 * otherwise 404 or 403 without a body (HeadBucket API Reference), which the SDK names NotFound / Forbidden.
 */
export const headBucket = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  return emptyReply(200, { 'x-amz-bucket-region': bucket.region, 'x-amz-bucket-arn': bucketArn(bucket.name) });
});
