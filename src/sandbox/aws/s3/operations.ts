import type { ServiceOperations } from '../operation';
import { deleteBucketEncryption, getBucketEncryption, putBucketEncryption } from './bucket-encryption';
import { deleteBucketPolicy, getBucketPolicy, putBucketPolicy } from './bucket-policy-operations';
import { createBucket } from './create-bucket';
import { deleteBucket } from './delete-bucket';
import { deleteObject } from './delete-object';
import { getObject, headObject } from './get-object';
import { headBucket } from './head-bucket';
import { listBuckets } from './list-buckets';
import { listObjectsV2 } from './list-objects-v2';
import { putObject } from './put-object';

/** The emulated operations of this service, by API name. */
export const s3Operations: ServiceOperations = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  ListObjectsV2: listObjectsV2,
  PutBucketPolicy: putBucketPolicy,
  GetBucketPolicy: getBucketPolicy,
  DeleteBucketPolicy: deleteBucketPolicy,
  PutBucketEncryption: putBucketEncryption,
  GetBucketEncryption: getBucketEncryption,
  DeleteBucketEncryption: deleteBucketEncryption,
};
