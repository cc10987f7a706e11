import type { S3Object } from '../world';
import { canonicalUserId } from './canonical-user';
import { bucketOf } from './s3-access';
import { invalidArgument } from './s3-error';
import { s3Operation } from './s3-operation';
import { element, textElement, xmlReply, xmlTimestamp } from './s3-reply';
import { BucketRequestSchema } from './s3-request';

/** ListObjectsV2 returns at most 1,000 keys a page (ListObjectsV2 API Reference, `max-keys`). */
const MAX_KEYS = 1000;

/** "List results are always returned in UTF-8 binary order" (S3 User Guide, "Listing object keys programmatically"). */
function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** What a continuation token stands for: where the last page ended, within one bucket and prefix. */
interface Position {
  bucket: string;
  prefix: string;
  /** The last key or common prefix returned. */
  after: string;
  /** Whether `after` is a common prefix, all of whose keys were rolled up into it. */
  rolled: boolean;
}

function encodeToken(position: Position): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decodeToken(token: string, bucket: string, prefix: string): Position {
  try {
    const position = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Position>;
    if (position.bucket === bucket && position.prefix === prefix && typeof position.after === 'string') return { bucket, prefix, after: position.after, rolled: position.rolled === true };
  } catch {
    // refused below
  }
  throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
}

/** `encoding-type=url` answers keys and prefixes URL-encoded; which characters S3 leaves unencoded is not documented. */
function encoder(encodingType: string | undefined): (text: string) => string {
  if (encodingType === undefined) return (text) => text;
  if (encodingType !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  return (text) => encodeURIComponent(text);
}

type Entry = { key: S3Object } | { commonPrefix: string };

/**
 * ListObjectsV2: the bucket's keys under `prefix`, in UTF-8 order, after `start-after`; with a
 * `delimiter`, keys sharing the part up to the next delimiter roll up into one CommonPrefix, which
 * counts once against `max-keys` (default and maximum 1,000). A truncated page gives an opaque
 * NextContinuationToken; `KeyCount` counts keys and common prefixes returned. Needs `s3:ListBucket`.
 */
export const listObjectsV2 = s3Operation(BucketRequestSchema, (ctx, req) => {
  const bucket = bucketOf(ctx, req);
  const { delimiter, 'start-after': startAfter, 'continuation-token': token, 'encoding-type': encodingType } = req.query;
  const prefix = req.query.prefix ?? '';
  const encode = encoder(encodingType);
  const maxText = req.query['max-keys'];
  const requested = maxText === undefined ? MAX_KEYS : Number(maxText);
  if (!/^\d+$/.test(maxText ?? '0') || !Number.isSafeInteger(requested)) throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxText ?? '');
  const maxKeys = Math.min(requested, MAX_KEYS);
  const position = token === undefined ? undefined : decodeToken(token, bucket.name, prefix);
  const after = position?.after ?? startAfter;

  const entries: Entry[] = [];
  let truncated = false;
  let lastPrefix: string | undefined;
  const keys = Object.keys(bucket.objects).filter((k) => k.startsWith(prefix)).sort(byUtf8);
  for (const key of keys) {
    if (after !== undefined && byUtf8(key, after) <= 0) continue;
    // A page that ended on a common prefix has returned every key under it.
    if (position?.rolled === true && key.startsWith(position.after)) continue;
    const cut = delimiter === undefined || delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    const commonPrefix = cut === -1 ? undefined : key.slice(0, cut + (delimiter ?? '').length);
    if (commonPrefix !== undefined && commonPrefix === lastPrefix) continue;
    if (entries.length >= maxKeys) {
      // With max-keys 0 nothing is returned and there is no key to continue after; the docs are silent
      // on IsTruncated then, and the emulator says false rather than promise a token it cannot give.
      truncated = maxKeys > 0;
      break;
    }
    const object = bucket.objects[key];
    if (commonPrefix !== undefined) {
      entries.push({ commonPrefix });
      lastPrefix = commonPrefix;
    } else if (object) entries.push({ key: object });
  }
  const last = entries.at(-1);
  const fetchOwner = req.query['fetch-owner'] === 'true';
  return xmlReply('ListBucketResult', [
    textElement('Name', bucket.name),
    textElement('Prefix', encode(prefix)),
    textElement('Delimiter', delimiter === undefined ? undefined : encode(delimiter)),
    textElement('MaxKeys', maxKeys),
    textElement('EncodingType', encodingType),
    textElement('KeyCount', entries.length),
    textElement('IsTruncated', truncated),
    textElement('ContinuationToken', token),
    textElement('NextContinuationToken', truncated && last !== undefined ? encodeToken({ bucket: bucket.name, prefix, ...('key' in last ? { after: last.key.key, rolled: false } : { after: last.commonPrefix, rolled: true }) }) : undefined),
    textElement('StartAfter', startAfter === undefined ? undefined : encode(startAfter)),
    ...entries.flatMap((entry) =>
      'key' in entry
        ? [
            element('Contents', [
              textElement('Key', encode(entry.key.key)),
              textElement('LastModified', xmlTimestamp(entry.key.lastModified)),
              textElement('ETag', `"${entry.key.etag}"`),
              textElement('ChecksumAlgorithm', entry.key.checksum?.algorithm),
              textElement('Size', entry.key.size),
              textElement('StorageClass', 'STANDARD'),
              fetchOwner ? element('Owner', [textElement('ID', canonicalUserId(bucket.ownerAccountId))]) : '',
            ]),
          ]
        : [element('CommonPrefixes', [textElement('Prefix', encode(entry.commonPrefix))])],
    ),
  ]);
});
