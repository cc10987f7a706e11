import type { S3Object } from '../world';
import { httpDate } from './s3-reply';

/**
 * The headers S3 answers about a stored object on GetObject and HeadObject (GetObject API Reference,
 * response syntax): type, ETag, Last-Modified, user metadata, server-side encryption, and the
 * additional checksum when the client asked for it (`x-amz-checksum-mode: ENABLED`) and gets the
 * whole object.
 */
export function objectHeaders(object: S3Object, options: { checksumMode: boolean; whole: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': object.contentType ?? 'binary/octet-stream',
    etag: `"${object.etag}"`,
    'last-modified': httpDate(object.lastModified),
    'accept-ranges': 'bytes',
  };
  for (const [name, value] of Object.entries(object.metadata ?? {})) headers[`x-amz-meta-${name}`] = value;
  Object.assign(headers, encryptionHeaders(object.serverSideEncryption));
  if (options.checksumMode && options.whole && object.checksum) {
    headers[`x-amz-checksum-${object.checksum.algorithm.toLowerCase()}`] = object.checksum.value;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  return headers;
}

/** `x-amz-server-side-encryption` (and the KMS key id when there is one). */
export function encryptionHeaders(sse: S3Object['serverSideEncryption']): Record<string, string> {
  if (!sse) return {};
  return { 'x-amz-server-side-encryption': sse.algorithm, ...(sse.kmsKeyId === undefined ? {} : { 'x-amz-server-side-encryption-aws-kms-key-id': sse.kmsKeyId }) };
}
