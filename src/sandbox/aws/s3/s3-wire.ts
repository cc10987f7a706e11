import type { AwsError } from '../aws-error';
import type { WireResponse } from '../wire/wire-response';
import { S3Error } from './s3-error';
import { escapeXml, type S3Reply } from './s3-reply';

/** S3 names its request ids `x-amz-request-id` (and a host id, `x-amz-id-2`), which the SDK reads. */
function requestHeaders(requestId: string): Record<string, string> {
  return { 'x-amz-request-id': requestId, 'x-amz-id-2': Buffer.from(requestId, 'utf8').toString('base64') };
}

/** An S3 operation's `S3Reply` on the wire. */
export function s3SuccessResponse(requestId: string, result: unknown): WireResponse {
  const reply = (result ?? {}) as S3Reply;
  return { status: reply.status ?? 200, headers: { ...requestHeaders(requestId), ...reply.headers }, body: reply.body ?? '' };
}

/**
 * An S3 REST error (S3 API Reference, "Error responses"): `application/xml`,
 * `<Error><Code/><Message/>[details]<RequestId/><HostId/></Error>`. HEAD answers carry no body; the
 * HTTP server leaves it out.
 */
export function s3ErrorResponse(requestId: string, error: AwsError): WireResponse {
  const details = error instanceof S3Error ? Object.entries(error.details) : [];
  const members = [['Code', error.code], ['Message', error.message], ...details, ['RequestId', requestId], ['HostId', requestHeaders(requestId)['x-amz-id-2'] ?? '']];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${members.map(([name = '', value = '']) => `<${name}>${escapeXml(value)}</${name}>`).join('')}</Error>`;
  return { status: error.status, headers: { 'content-type': 'application/xml', ...requestHeaders(requestId) }, body };
}
