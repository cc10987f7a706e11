// Sources: Lake Formation Developer Guide, "Underlying data access control"
// (https://docs.aws.amazon.com/lake-formation/latest/dg/access-control-underlying-data.html: locations are buckets or prefixes, never objects) and "Adding
// an Amazon S3 location to your data lake" (a registered path covers its folders; see "Registering an Amazon
// S3 location", https://docs.aws.amazon.com/lake-formation/latest/dg/register-location.html).

/**
 * Amazon S3 locations as Lake Formation names them: a bucket or a prefix under it, never an object
 * (Lake Formation developer guide, "Underlying data access control"). Registrations and grants use
 * ARNs (`arn:aws:s3:::bucket/prefix`); Glue tables and databases use URIs (`s3://bucket/prefix`).
 */
export interface S3Location {
  bucket: string;
  /** The prefix under the bucket, without leading or trailing slashes; '' for the whole bucket. */
  path: string;
}

function location(bucket: string, path: string): S3Location | undefined {
  if (bucket === '' || bucket.includes('/')) return undefined;
  return { bucket, path: path.replace(/^\/+|\/+$/g, '') };
}

/** The location of `arn:aws:s3:::bucket[/prefix]`, or undefined for any other ARN. */
export function locationOfArn(arn: string): S3Location | undefined {
  const match = /^arn:aws:s3:::([^/]+)(?:\/(.*))?$/s.exec(arn);
  return match ? location(match[1] ?? '', match[2] ?? '') : undefined;
}

/**
 * The location of `s3://bucket[/prefix]`, or undefined for other URIs. Other schemes (`s3a://`) are not
 * matched: the Lake Formation docs speak of Amazon S3 paths only.
 */
export function locationOfUri(uri: string): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/s.exec(uri);
  return match ? location(match[1] ?? '', match[2] ?? '') : undefined;
}

/** The normalised ARN of a location: `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/prefix`. */
export function locationArn(loc: S3Location): string {
  return loc.path === '' ? `arn:aws:s3:::${loc.bucket}` : `arn:aws:s3:::${loc.bucket}/${loc.path}`;
}

/**
 * Whether `inner` is `outer` or lies under it. Registering a path registers every folder under it
 * ("Adding an Amazon S3 location to your data lake": registering `s3://mybucket/accounting` registers
 * its `sales` folder); the docs speak of folders, so paths are compared a whole segment at a time.
 */
export function within(inner: S3Location, outer: S3Location): boolean {
  if (inner.bucket !== outer.bucket) return false;
  return outer.path === '' || inner.path === outer.path || inner.path.startsWith(`${outer.path}/`);
}
