import type { Bucket } from '../world';
import { bucketOf } from './s3-access';
import { invalidArgument, malformedXml } from './s3-error';
import { s3Operation } from './s3-operation';
import { s3Payload } from './s3-payload';
import { element, emptyReply, textElement, xmlReply } from './s3-reply';
import { BucketRequestSchema } from './s3-request';
import { childOf, childText, parseXml } from './s3-xml';

type Encryption = NonNullable<Bucket['encryption']>;

/** The algorithms of `ServerSideEncryptionByDefault.SSEAlgorithm` (S3 model, ServerSideEncryption). */
const SSE_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

/** Every bucket has default encryption; without a configuration it is SSE-S3 (GetBucketEncryption API Reference). */
const SSE_S3: Encryption = { algorithm: 'AES256', bucketKeyEnabled: false };

/** Read a `ServerSideEncryptionConfiguration` body: one `Rule` with `ApplyServerSideEncryptionByDefault`. */
function parseEncryption(body: Buffer): Encryption {
  const root = parseXml(body.toString('utf8'));
  if (root?.name !== 'ServerSideEncryptionConfiguration') throw malformedXml();
  const rule = childOf(root, 'Rule');
  const byDefault = childOf(rule, 'ApplyServerSideEncryptionByDefault');
  const algorithm = childText(byDefault, 'SSEAlgorithm');
  if (algorithm === undefined || !SSE_ALGORITHMS.includes(algorithm)) throw malformedXml();
  const kmsKeyId = childText(byDefault, 'KMSMasterKeyID');
  if (kmsKeyId !== undefined && algorithm === 'AES256') {
    throw invalidArgument('a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse', 'ApplyServerSideEncryptionByDefault', algorithm);
  }
  const bucketKey = childText(rule, 'BucketKeyEnabled');
  return { algorithm, ...(kmsKeyId === undefined ? {} : { kmsKeyId }), ...(bucketKey === undefined ? {} : { bucketKeyEnabled: bucketKey === 'true' }) };
}

/**
 * PutBucketEncryption: the bucket's default encryption, e.g. SSE-KMS with a customer managed key
 * (`KMSMasterKeyID`); needs `s3:PutEncryptionConfiguration` (PutBucketEncryption API Reference).
 */
export const putBucketEncryption = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  bucket.encryption = parseEncryption(s3Payload(req).bytes);
  return emptyReply(200);
});

/** GetBucketEncryption: the configuration put, else SSE-S3; needs `s3:GetEncryptionConfiguration`. */
export const getBucketEncryption = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  const encryption = bucket.encryption ?? SSE_S3;
  return xmlReply('ServerSideEncryptionConfiguration', [
    element('Rule', [
      element('ApplyServerSideEncryptionByDefault', [textElement('SSEAlgorithm', encryption.algorithm), textElement('KMSMasterKeyID', encryption.kmsKeyId)]),
      textElement('BucketKeyEnabled', encryption.bucketKeyEnabled ?? false),
    ]),
  ]);
});

/** DeleteBucketEncryption: back to SSE-S3 (204); needs `s3:PutEncryptionConfiguration` (DeleteBucketEncryption API Reference). */
export const deleteBucketEncryption = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  delete bucket.encryption;
  return emptyReply(204);
});
