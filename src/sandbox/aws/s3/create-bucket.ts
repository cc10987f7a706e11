import { checkBucketName } from './bucket-name';
import { s3Operation } from './s3-operation';
import { bucketAlreadyExists, bucketAlreadyOwnedByYou, malformedXml, S3Error } from './s3-error';
import { s3Payload } from './s3-payload';
import { emptyReply } from './s3-reply';
import { BucketRequestSchema } from './s3-request';
import { childText, parseXml } from './s3-xml';

/** The `LocationConstraint` of an optional `CreateBucketConfiguration` body. */
function locationConstraint(body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  const root = parseXml(body.toString('utf8'));
  if (root?.name !== 'CreateBucketConfiguration') throw malformedXml();
  const constraint = childText(root, 'LocationConstraint');
  return constraint === '' ? undefined : constraint;
}

/**
 * Refuse a `LocationConstraint` the endpoint cannot honour (CreateBucket API Reference): the emulator is
 * one Region, so a constraint must name it, and us-east-1 is the default that is never named. The
 * reference names the codes, not their wording.
 */
function checkRegion(region: string, constraint: string | undefined): void {
  if (constraint === undefined) {
    if (region !== 'us-east-1') throw new S3Error('IllegalLocationConstraintException', 'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.', 400);
    return;
  }
  if (constraint === 'us-east-1' && region === 'us-east-1') throw new S3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { LocationConstraint: constraint });
  if (constraint !== region) throw new S3Error('IllegalLocationConstraintException', `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`, 400);
}

/**
 * CreateBucket: a bucket of the caller's account. Names are global: another account's bucket of that
 * name is BucketAlreadyExists (409); the caller's own is BucketAlreadyOwnedByYou (409), except in
 * us-east-1 where, for legacy compatibility, S3 answers 200 OK (CreateBucket API Reference, errors).
 */
export const createBucket = s3Operation(BucketRequestSchema, (ctx, req) => {
  checkBucketName(req.Bucket);
  const constraint = locationConstraint(s3Payload(req).bytes);
  const region = ctx.world.region;
  checkRegion(region, constraint);
  const existing = Object.hasOwn(ctx.world.buckets, req.Bucket) ? ctx.world.buckets[req.Bucket] : undefined;
  if (existing) {
    if (existing.ownerAccountId !== ctx.caller.accountId) throw bucketAlreadyExists(req.Bucket);
    if (region !== 'us-east-1') throw bucketAlreadyOwnedByYou(req.Bucket);
    return emptyReply(200, { location: `/${req.Bucket}` });
  }
  ctx.world.buckets[req.Bucket] = { name: req.Bucket, ownerAccountId: ctx.caller.accountId, region, createdAt: ctx.now(), objects: {} };
  return emptyReply(200, { location: `/${req.Bucket}` });
});
