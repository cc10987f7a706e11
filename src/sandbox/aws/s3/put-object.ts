import { createHash } from 'node:crypto';
import type { S3Object } from '../world';
import { encryptionHeaders } from './object-headers';
import { bucketOf, storeObject } from './s3-access';
import { invalidArgument, S3Error } from './s3-error';
import { s3Operation } from './s3-operation';
import { s3Payload } from './s3-payload';
import { authorizedKeyArn, isKmsAlgorithm } from './sse-kms';
import { emptyReply } from './s3-reply';
import { ObjectRequestSchema } from './s3-request';

const SSE_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

/** Object keys are at most 1,024 bytes of UTF-8 (S3 User Guide, "Naming Amazon S3 objects"). */
const MAX_KEY_BYTES = 1024;

/**
 * The encryption a new object gets: the request's `x-amz-server-side-encryption` (and KMS key id),
 * else the bucket's default encryption, else SSE-S3, which S3 applies to every new object (S3 User
 * Guide, "Setting default server-side encryption behavior for Amazon S3 buckets").
 */
function encryptionOf(headers: Record<string, string>, bucketDefault: { algorithm: string; kmsKeyId?: string } | undefined): NonNullable<S3Object['serverSideEncryption']> {
  const algorithm = headers['x-amz-server-side-encryption'];
  const kmsKeyId = headers['x-amz-server-side-encryption-aws-kms-key-id'];
  if (algorithm === undefined) {
    if (kmsKeyId !== undefined) throw invalidArgument('Specifying the KMS key id requires x-amz-server-side-encryption aws:kms or aws:kms:dsse.', 'x-amz-server-side-encryption-aws-kms-key-id', kmsKeyId);
    return bucketDefault ? { algorithm: bucketDefault.algorithm, ...(bucketDefault.kmsKeyId === undefined ? {} : { kmsKeyId: bucketDefault.kmsKeyId }) } : { algorithm: 'AES256' };
  }
  if (!SSE_ALGORITHMS.includes(algorithm)) throw invalidArgument('The encryption method specified is not supported', 'x-amz-server-side-encryption', algorithm);
  if (kmsKeyId !== undefined && algorithm === 'AES256') throw invalidArgument('Specifying the KMS key id requires x-amz-server-side-encryption aws:kms or aws:kms:dsse.', 'x-amz-server-side-encryption-aws-kms-key-id', kmsKeyId);
  return { algorithm, ...(kmsKeyId === undefined ? {} : { kmsKeyId }) };
}

/**
 * PutObject: store the body under the key (replacing any object there) with its type, `x-amz-meta-*`
 * metadata, encryption and additional checksum; needs `s3:PutObject` on the object, and with SSE-KMS
 * under a customer managed key `kms:GenerateDataKey` on the key. Answers the ETag
 * (the MD5 of a single-part upload's bytes).
 */
export const putObject = s3Operation(ObjectRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  if (Buffer.byteLength(req.Key, 'utf8') > MAX_KEY_BYTES) throw new S3Error('KeyTooLongError', 'Your key is too long', 400);
  const payload = s3Payload(req);
  const encryption = encryptionOf(req.headers, bucket.encryption);
  // SSE-KMS with a customer managed key: KMS must allow kms:GenerateDataKey; S3 records and answers the key's ARN (sse-kms.ts).
  if (isKmsAlgorithm(encryption.algorithm) && encryption.kmsKeyId !== undefined) {
    encryption.kmsKeyId = authorizedKeyArn(ctx, encryption.kmsKeyId, ctx.caller.accountId, 'kms:GenerateDataKey');
  }
  const metadata = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.startsWith('x-amz-meta-')).map(([name, value]) => [name.slice('x-amz-meta-'.length), value]));
  const object: S3Object = {
    key: req.Key,
    body: payload.bytes.toString('base64'),
    size: payload.bytes.length,
    etag: createHash('md5').update(payload.bytes).digest('hex'),
    lastModified: Math.floor(ctx.now() / 1000) * 1000,
    ...(req.headers['content-type'] === undefined ? {} : { contentType: req.headers['content-type'] }),
    ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
    ...(payload.checksum === undefined ? {} : { checksum: payload.checksum }),
    serverSideEncryption: encryption,
  };
  storeObject(bucket, object);
  const checksumHeader = payload.checksum ? { [`x-amz-checksum-${payload.checksum.algorithm.toLowerCase()}`]: payload.checksum.value } : {};
  return emptyReply(200, { etag: `"${object.etag}"`, ...encryptionHeaders(object.serverSideEncryption), ...checksumHeader });
});
