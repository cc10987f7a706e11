import * as z from 'zod';
import type { WireRequest } from '../wire/wire-request';

/**
 * An S3 REST request as the operations read it: the bucket and key from the path-style URL
 * (`/<bucket>/<key>`), the query parameters, the headers and the raw body. Members bound to headers
 * and query strings in the S3 model are read from these by each operation.
 */
export const S3RequestSchema = z.object({
  Bucket: z.string().optional(),
  Key: z.string().optional(),
  method: z.string(),
  query: z.record(z.string(), z.string()),
  headers: z.record(z.string(), z.string()),
  body: z.instanceof(Buffer),
});

export type S3Request = z.infer<typeof S3RequestSchema>;

/** A request naming a bucket. */
export const BucketRequestSchema = S3RequestSchema.extend({ Bucket: z.string().min(1) });

export type BucketRequest = z.infer<typeof BucketRequestSchema>;

/** A request naming an object. */
export const ObjectRequestSchema = BucketRequestSchema.extend({ Key: z.string().min(1) });

export type ObjectRequest = z.infer<typeof ObjectRequestSchema>;

/** Sub-resources (`?policy`, `?encryption` …) by query name, as the operation names spell them. */
const BUCKET_SUBRESOURCES: Record<string, string> = {
  policy: 'Policy',
  encryption: 'Encryption',
  location: 'Location',
  acl: 'Acl',
  cors: 'Cors',
  lifecycle: 'LifecycleConfiguration',
  tagging: 'Tagging',
  versioning: 'Versioning',
  website: 'Website',
  logging: 'Logging',
  notification: 'NotificationConfiguration',
  replication: 'Replication',
  accelerate: 'AccelerateConfiguration',
  requestPayment: 'RequestPayment',
  ownershipControls: 'OwnershipControls',
  publicAccessBlock: 'PublicAccessBlock',
  policyStatus: 'PolicyStatus',
  'object-lock': 'ObjectLockConfiguration',
};

const OBJECT_SUBRESOURCES: Record<string, string> = { tagging: 'Tagging', acl: 'Acl', retention: 'Retention', 'legal-hold': 'LegalHold', attributes: 'Attributes', torrent: 'Torrent' };

const VERB: Record<string, string> = { GET: 'Get', PUT: 'Put', DELETE: 'Delete', HEAD: 'Head', POST: 'Post' };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function bucketOperation(method: string, query: Record<string, string>): string {
  const verb = VERB[method] ?? method;
  const sub = Object.keys(query).find((name) => Object.hasOwn(BUCKET_SUBRESOURCES, name));
  if (sub !== undefined) return `${verb}Bucket${BUCKET_SUBRESOURCES[sub] ?? sub}`;
  if ('uploads' in query) return 'ListMultipartUploads';
  if ('versions' in query) return 'ListObjectVersions';
  if ('delete' in query) return 'DeleteObjects';
  switch (method) {
    case 'PUT':
      return 'CreateBucket';
    case 'HEAD':
      return 'HeadBucket';
    case 'DELETE':
      return 'DeleteBucket';
    case 'GET':
      return query['list-type'] === '2' ? 'ListObjectsV2' : 'ListObjects';
    default:
      return `${verb}Bucket`;
  }
}

function objectOperation(method: string, query: Record<string, string>, headers: Record<string, string>): string {
  const verb = VERB[method] ?? method;
  const sub = Object.keys(query).find((name) => Object.hasOwn(OBJECT_SUBRESOURCES, name));
  if (sub !== undefined) return `${verb}Object${OBJECT_SUBRESOURCES[sub] ?? sub}`;
  if ('uploads' in query) return 'CreateMultipartUpload';
  if ('uploadId' in query) return method === 'PUT' ? 'UploadPart' : method === 'POST' ? 'CompleteMultipartUpload' : method === 'DELETE' ? 'AbortMultipartUpload' : 'ListParts';
  if (method === 'PUT' && headers['x-amz-copy-source'] !== undefined) return 'CopyObject';
  return `${verb}Object`;
}

/**
 * The S3 operation a path-style request names, from its method, path and sub-resource query (the S3
 * model's `http` bindings: `PUT /{Bucket}` CreateBucket, `GET /{Bucket}?list-type=2` ListObjectsV2,
 * `GET /{Bucket}/{Key+}` GetObject …), and its input. Operations the emulator lacks get their model
 * name too, so the call is refused as not implemented under the right name.
 */
export function routeS3(req: WireRequest): { operation: string; input: S3Request } {
  const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
  const path = req.path.startsWith('/') ? req.path.slice(1) : req.path;
  const slash = path.indexOf('/');
  const bucket = decodeSegment(slash === -1 ? path : path.slice(0, slash));
  const key = slash === -1 ? '' : decodeSegment(path.slice(slash + 1));
  const input: S3Request = { method: req.method, query, headers: req.headers, body: req.body, ...(bucket === '' ? {} : { Bucket: bucket }), ...(key === '' ? {} : { Key: key }) };
  if (bucket === '') return { operation: req.method === 'GET' ? 'ListBuckets' : `${VERB[req.method] ?? req.method}Service`, input };
  return { operation: key === '' ? bucketOperation(req.method, query) : objectOperation(req.method, query, req.headers), input };
}
