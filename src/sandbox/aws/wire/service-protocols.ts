import { s3ErrorResponse, s3SuccessResponse } from '../s3/s3-wire';
import type { ServiceName } from '../service-name';
import { awsJsonCall, awsQueryCall, restJsonCall, restXmlCall, type CallParser } from './parse-call';
import { IAM_NAMESPACE, STS_NAMESPACE } from './query-xml';
import { jsonError, jsonSuccess, queryError, querySuccess, type ErrorEncoder, type SuccessEncoder } from './wire-response';

// Sources: each service model's `metadata` (botocore service-2.json): `protocol` (awsJson1_1 for Glue and
// KMS, restJson1 for Lake Formation and RAM, awsQuery for IAM and STS, restXml for S3), `targetPrefix`
// (AWSGlue, TrentService), `jsonVersion` 1.1 (content type application/x-amz-json-1.1) and `xmlNamespace`.

/** How one service speaks on the wire: how a call is read, how answers and errors are written. */
export interface WireProtocol {
  /** The model's `metadata.protocol`. */
  name: 'awsJson1_1' | 'restJson1' | 'awsQuery' | 'restXml';
  parse: CallParser;
  success: SuccessEncoder;
  error: ErrorEncoder;
}

const AWS_JSON_1_1 = 'application/x-amz-json-1.1';
const REST_JSON = 'application/json';

/** The one place each emulated service's wire protocol is chosen. */
export const SERVICE_PROTOCOLS: Record<ServiceName, WireProtocol> = {
  glue: { name: 'awsJson1_1', parse: awsJsonCall('AWSGlue'), success: jsonSuccess(AWS_JSON_1_1), error: jsonError(AWS_JSON_1_1) },
  iam: { name: 'awsQuery', parse: awsQueryCall, success: querySuccess(IAM_NAMESPACE), error: queryError(IAM_NAMESPACE) },
  kms: { name: 'awsJson1_1', parse: awsJsonCall('TrentService'), success: jsonSuccess(AWS_JSON_1_1), error: jsonError(AWS_JSON_1_1) },
  lakeformation: { name: 'restJson1', parse: restJsonCall('operation'), success: jsonSuccess(REST_JSON), error: jsonError(REST_JSON) },
  // RAM's paths are its operation names lower-cased (`/getresourceshares`).
  ram: { name: 'restJson1', parse: restJsonCall('lower-case'), success: jsonSuccess(REST_JSON), error: jsonError(REST_JSON) },
  s3: { name: 'restXml', parse: restXmlCall, success: (_operation, requestId, result) => s3SuccessResponse(requestId, result), error: s3ErrorResponse },
  sts: { name: 'awsQuery', parse: awsQueryCall, success: querySuccess(STS_NAMESPACE), error: queryError(STS_NAMESPACE) },
};
