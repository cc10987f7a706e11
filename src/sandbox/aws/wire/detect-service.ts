import { ServiceNameSchema, type ServiceName } from '../service-name';
import { scopeService, type WireRequest } from './wire-request';

/**
 * Which service a request is for: the SigV4 scope says it unambiguously; unsigned requests are
 * recognised by their protocol (Glue's and KMS's `X-Amz-Target`, STS's form body (IAM's with its `Version`), RAM's lower-case paths,
 * Lake Formation's `/<Operation>` paths, S3's `x-amz-content-sha256` header, which only S3 requires).
 */
export function detectService(req: WireRequest): ServiceName | undefined {
  const scoped = ServiceNameSchema.safeParse(scopeService(req));
  if (scoped.success) return scoped.data;
  if ((req.headers['x-amz-target'] ?? '').startsWith('AWSGlue.')) return 'glue';
  // KMS is awsJson1_1 with the target prefix `TrentService` (botocore kms/2014-11-01 model, metadata.targetPrefix).
  if ((req.headers['x-amz-target'] ?? '').startsWith('TrentService.')) return 'kms';
  if (req.headers['x-amz-content-sha256'] !== undefined) return 's3';
  // IAM and STS share the awsQuery form; IAM's API version is 2010-05-08 (IAM API Reference, "Common Parameters").
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') && new URLSearchParams(req.body.toString('utf8')).get('Version') === '2010-05-08') return 'iam';
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return 'sts';
  if (/^\/[a-z]+$/.test(req.path)) return 'ram';
  if (/^\/[A-Z][A-Za-z]+$/.test(req.path)) return 'lakeformation';
  return undefined;
}
