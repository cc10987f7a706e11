import type { CallContext } from '../operation';
import type { S3Object } from '../world';
import { objectHeaders } from './object-headers';
import { bucketArn, bucketOf, mayAccess, objectAt } from './s3-access';
import { accessDenied, invalidRange, noSuchKey } from './s3-error';
import { s3Operation } from './s3-operation';
import type { S3Reply } from './s3-reply';
import { type ObjectRequest, ObjectRequestSchema } from './s3-request';
import { authorizedKeyArn, objectKmsKeyRef } from './sse-kms';

/**
 * The object a GetObject/HeadObject names (IAM allowed `s3:GetObject` before the handler). A missing key is NoSuchKey (404) only
 * for a caller who may `s3:ListBucket` the bucket, else AccessDenied (403), so nothing leaks about
 * which keys exist (GetObject API Reference, Permissions).
 */
function readableObject(ctx: CallContext, req: ObjectRequest): S3Object {
  const bucket = bucketOf(ctx, req);
  const object = objectAt(bucket, req.Key);
  if (!object) throw mayAccess(ctx, 's3:ListBucket', bucketArn(bucket.name)) ? noSuchKey(req.Key) : accessDenied();
  return object;
}

/**
 * The byte range a `Range: bytes=…` header asks for (one range: `a-b`, `a-`, `-n`, RFC 9110 §14.1.2);
 * undefined for the whole object (no header, or one S3 ignores). Past the end is InvalidRange (416).
 */
function rangeOf(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw invalidRange(header ?? '', size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) throw invalidRange(header ?? '', size);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? undefined : { start, end };
}

/** GetObject's answer (HeadObject's too: the server leaves the body out of a HEAD answer). */
function objectReply(req: ObjectRequest, object: S3Object): S3Reply {
  const bytes = Buffer.from(object.body, 'base64');
  const range = rangeOf(req.headers.range, bytes.length);
  const headers = objectHeaders(object, { checksumMode: req.headers['x-amz-checksum-mode'] === 'ENABLED', whole: range === undefined });
  if (!range) return { status: 200, headers, body: bytes };
  return { status: 206, headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${bytes.length}` }, body: bytes.subarray(range.start, range.end + 1) };
}

/**
 * GetObject: the object's bytes (or one byte range, 206) and headers; needs `s3:GetObject`, and for an
 * object encrypted with a customer managed key `kms:Decrypt` on the key (sse-kms.ts).
 */
export const getObject = s3Operation(ObjectRequestSchema, (ctx, req) => {
  const object = readableObject(ctx, req);
  const keyRef = objectKmsKeyRef(object);
  if (keyRef !== undefined) authorizedKeyArn(ctx, keyRef, bucketOf(ctx, req).ownerAccountId, 'kms:Decrypt');
  return objectReply(req, object);
});

/** HeadObject: GetObject's headers without the body; errors come without a body, as HEAD answers do. */
export const headObject = s3Operation(ObjectRequestSchema, (ctx, req) => objectReply(req, readableObject(ctx, req)));
