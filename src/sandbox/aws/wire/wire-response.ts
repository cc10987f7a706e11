import type { AwsError } from '../aws-error';
import { queryErrorBody, queryResultBody } from './query-xml';

// Sources: the response and error shapes of the protocols named by each botocore service model's
// `metadata.protocol` (service-2.json: json for Glue and KMS, rest-json for Lake Formation and RAM,
// query for STS and IAM, rest-xml for S3), as the Smithy AWS protocol pages specify them: "AWS JSON
// 1.1 protocol" (x-amz-json-1.1, `__type` errors), "AWS restJson1 protocol" (x-amzn-errortype header),
// "AWS query protocol" (`<ErrorResponse>` with RequestId), "AWS restXml protocol" (S3 `<Error>`).

/** What the server writes back. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** Text, or bytes (S3 objects). */
  body: string | Buffer;
}

/** How a protocol encodes a successful answer. */
export type SuccessEncoder = (operation: string, requestId: string, result: unknown) => WireResponse;

/** How a protocol encodes an error. */
export type ErrorEncoder = (requestId: string, error: AwsError) => WireResponse;

/** awsJson1_1 and restJson1: the result as a JSON document of the protocol's content type. */
export function jsonSuccess(contentType: string): SuccessEncoder {
  return (_operation, requestId, result) => ({ status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: JSON.stringify(result ?? {}) });
}

/**
 * awsJson1_1 puts the code in `__type`, restJson1 in the `x-amzn-ErrorType` header (both are sent to
 * both: the SDK reads either).
 */
export function jsonError(contentType: string): ErrorEncoder {
  return (requestId, error) => ({
    status: error.status,
    headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code },
    // Lake Formation's and Glue's error shapes name the member `Message`, RAM's `message`.
    body: JSON.stringify({ __type: error.code, message: error.message, Message: error.message }),
  });
}

/** awsQuery: a `<OpResponse><OpResult>` document in the service's XML namespace. */
export function querySuccess(namespace: string): SuccessEncoder {
  return (operation, requestId, result) => ({ status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: queryResultBody(operation, requestId, result, namespace) });
}

/** awsQuery: an `<ErrorResponse>` document in the service's XML namespace. */
export function queryError(namespace: string): ErrorEncoder {
  return (requestId, error) => ({ status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: queryErrorBody(error, requestId, namespace) });
}
