import { canonicalUserId } from './canonical-user';
import { invalidArgument } from './s3-error';
import { s3Operation } from './s3-operation';
import { element, textElement, xmlReply, xmlTimestamp } from './s3-reply';
import { S3RequestSchema } from './s3-request';

const MAX_BUCKETS = 10_000;

/**
 * ListBuckets: the caller's account's buckets, by name, filtered by `prefix` and `bucket-region`, a
 * page of `max-buckets` (1–10,000) at a time with an opaque `continuation-token` (ListBuckets API Reference).
 */
export const listBuckets = s3Operation(S3RequestSchema, (ctx, req) => {
  const { prefix, 'bucket-region': region, 'continuation-token': token } = req.query;
  const maxText = req.query['max-buckets'];
  const max = maxText === undefined ? MAX_BUCKETS : Number(maxText);
  if (!Number.isInteger(max) || max < 1 || max > MAX_BUCKETS) throw invalidArgument('Max Buckets must be between 1 and 10000', 'max-buckets', maxText ?? '');
  const after = token === undefined ? undefined : Buffer.from(token, 'base64url').toString('utf8');
  const all = Object.values(ctx.world.buckets)
    .filter((b) => b.ownerAccountId === ctx.caller.accountId && (prefix === undefined || b.name.startsWith(prefix)) && (region === undefined || b.region === region))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((b) => after === undefined || b.name > after);
  const page = all.slice(0, max);
  const last = page.at(-1);
  return xmlReply('ListAllMyBucketsResult', [
    element('Owner', [textElement('ID', canonicalUserId(ctx.caller.accountId))]),
    element(
      'Buckets',
      page.map((b) => element('Bucket', [textElement('Name', b.name), textElement('CreationDate', xmlTimestamp(b.createdAt)), textElement('BucketRegion', b.region)])),
    ),
    textElement('ContinuationToken', all.length > max && last ? Buffer.from(last.name, 'utf8').toString('base64url') : undefined),
    textElement('Prefix', prefix),
  ]);
});
