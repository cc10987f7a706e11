import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { badDigest, contentSha256Mismatch, incompleteBody, invalidArgument, invalidDigest, invalidRequest, notImplemented } from './s3-error';
import type { S3Request } from './s3-request';

/** A request body as S3 stores it, and the additional checksum the client sent with it, if any. */
export interface S3Payload {
  bytes: Buffer;
  checksum?: { algorithm: string; value: string };
}

/** The additional checksum algorithms (S3 User Guide, "Checking object integrity"), by header suffix. */
const CHECKSUM_ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Every SigV4 request to S3 carries `x-amz-content-sha256` (SigV4 for S3, "Common request headers"):
 * refuse one without it, as S3 does.
 */
export function requireContentSha256(req: S3Request): void {
  if (req.headers['x-amz-content-sha256'] === undefined) throw invalidRequest('Missing required header for this request: x-amz-content-sha256');
}

/**
 * Decode an `aws-chunked` body of unsigned chunks (`<hex size>\r\n<data>\r\n` … `0\r\n<trailers>\r\n\r\n`,
 * S3 API Reference, "Signature calculations for the Authorization header: Transferring payload in
 * multiple chunks"); chunk extensions are skipped. Returns the data and the trailing headers.
 */
function decodeChunks(body: Buffer): { bytes: Buffer; trailers: Record<string, string> } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at, 'latin1');
    if (lineEnd === -1) throw incompleteBody();
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isInteger(size) || size < 0) throw incompleteBody();
    at = lineEnd + 2;
    if (size === 0) break;
    if (at + size + 2 > body.length || body.subarray(at + size, at + size + 2).toString('latin1') !== '\r\n') throw incompleteBody();
    parts.push(body.subarray(at, at + size));
    at += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(at).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { bytes: Buffer.concat(parts), trailers };
}

function computedChecksum(algorithm: string, bytes: Buffer): string | undefined {
  switch (algorithm) {
    case 'crc32': {
      const out = Buffer.alloc(4);
      out.writeUInt32BE(crc32(bytes));
      return out.toString('base64');
    }
    case 'sha1':
    case 'sha256':
      return createHash(algorithm).update(bytes).digest('base64');
    default:
      // CRC32C and CRC64NVME have no Node built-in: their values are kept as sent, not verified.
      return undefined;
  }
}

/**
 * The body of a PUT as S3 reads it: `x-amz-content-sha256` is the hex SHA-256 of the body (checked:
 * XAmzContentSHA256Mismatch), `UNSIGNED-PAYLOAD`, or `STREAMING-UNSIGNED-PAYLOAD-TRAILER` with an
 * aws-chunked body whose checksum comes as a trailer (what the SDK sends for streams). Signed chunked
 * payloads (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD` …) are refused as not implemented: their chunk
 * signatures are not verified here. An `x-amz-checksum-<algorithm>` (header or trailer) and a
 * `Content-MD5` must match the bytes (BadDigest), per "Checking object integrity" and PutObject.
 */
export function s3Payload(req: S3Request): S3Payload {
  requireContentSha256(req);
  const declared = req.headers['x-amz-content-sha256'] ?? '';
  let bytes = req.body;
  let trailers: Record<string, string> = {};
  if (declared === 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
    ({ bytes, trailers } = decodeChunks(req.body));
    const decodedLength = req.headers['x-amz-decoded-content-length'];
    if (decodedLength !== undefined && Number(decodedLength) !== bytes.length) throw incompleteBody();
  } else if (declared.startsWith('STREAMING-')) {
    throw notImplemented(`The sandbox emulator does not verify signed chunked payloads (${declared}); send the body whole or as STREAMING-UNSIGNED-PAYLOAD-TRAILER.`);
  } else if (declared !== 'UNSIGNED-PAYLOAD') {
    if (!HEX_SHA256.test(declared)) throw invalidArgument('x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER or a valid sha256 value.', 'x-amz-content-sha256', declared);
    const computed = sha256Hex(bytes);
    if (computed !== declared) throw contentSha256Mismatch(declared, computed);
  }
  const sent = CHECKSUM_ALGORITHMS.flatMap((algorithm) => {
    const value = req.headers[`x-amz-checksum-${algorithm}`] ?? trailers[`x-amz-checksum-${algorithm}`];
    return value === undefined ? [] : [{ algorithm, value }];
  });
  if (sent.length > 1) throw invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  const checksum = sent[0];
  if (checksum) {
    const computed = computedChecksum(checksum.algorithm, bytes);
    if (computed !== undefined && computed !== checksum.value) throw badDigest(`The ${checksum.algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
  }
  const md5 = req.headers['content-md5'];
  if (md5 !== undefined) {
    if (Buffer.from(md5, 'base64').length !== 16) throw invalidDigest();
    if (createHash('md5').update(bytes).digest('base64') !== md5) throw badDigest('The Content-MD5 you specified did not match what we received.');
  }
  return checksum ? { bytes, checksum: { algorithm: checksum.algorithm.toUpperCase(), value: checksum.value } } : { bytes };
}
