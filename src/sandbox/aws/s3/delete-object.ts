import { bucketOf } from './s3-access';
import { s3Operation } from './s3-operation';
import { emptyReply } from './s3-reply';
import { ObjectRequestSchema } from './s3-request';

/**
 * DeleteObject: needs `s3:DeleteObject`; answers 204 whether or not the key held an object (an
 * unversioned bucket has nothing to report; DeleteObject API Reference).
 */
export const deleteObject = s3Operation(ObjectRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  Reflect.deleteProperty(bucket.objects, req.Key);
  return emptyReply(204);
});
