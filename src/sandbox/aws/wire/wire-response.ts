import type { AwsError } from '../aws-error';
import { s3ErrorResponse, s3SuccessResponse } from '../s3/s3-wire';
import type { ServiceName } from '../service-name';
import { IAM_NAMESPACE, queryErrorBody, queryResultBody } from './query-xml';

// Sources: the same protocols' response and error shapes (AWS SDK protocol definitions: awsJson1_1,
// restJson1, awsQuery, restXml).

/** What the server writes back. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** Text, or bytes (S3 objects). */
  body: string | Buffer;
}

const JSON_CONTENT_TYPE: Record<Exclude<ServiceName, 'sts' | 'iam' | 's3'>, string> = {
  glue: 'application/x-amz-json-1.1',
  kms: 'application/x-amz-json-1.1',
  lakeformation: 'application/json',
  ram: 'application/json',
};

/** A successful answer in the service's protocol. */
export function successResponse(service: ServiceName, operation: string, requestId: string, result: unknown): WireResponse {
  if (service === 's3') return s3SuccessResponse(requestId, result);
  if (service === 'sts') {
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: queryResultBody(operation, requestId, result) };
  }
  if (service === 'iam') {
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: queryResultBody(operation, requestId, result, IAM_NAMESPACE) };
  }
  return { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE[service], 'x-amzn-requestid': requestId }, body: JSON.stringify(result ?? {}) };
}

/**
 * An error in the service's protocol: awsJson1_1 puts the code in `__type`, restJson1 in the
 * `x-amzn-ErrorType` header (both are sent to both: the SDK reads either); awsQuery (STS, IAM) answers an
 * `<ErrorResponse>` document; restXml (S3) an `<Error>` document.
 */
export function errorResponse(service: ServiceName, requestId: string, error: AwsError): WireResponse {
  if (service === 's3') return s3ErrorResponse(requestId, error);
  if (service === 'sts') {
    return { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: queryErrorBody(error, requestId) };
  }
  if (service === 'iam') {
    return { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: queryErrorBody(error, requestId, IAM_NAMESPACE) };
  }
  return {
    status: error.status,
    headers: { 'content-type': JSON_CONTENT_TYPE[service], 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code },
    // Lake Formation's and Glue's error shapes name the member `Message`, RAM's `message`.
    body: JSON.stringify({ __type: error.code, message: error.message, Message: error.message }),
  };
}
