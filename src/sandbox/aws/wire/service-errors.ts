import type { ServiceName } from '../service-name';

/**
 * The error codes each service answers with for the emulator's own refusals (protocol, auth,
 * validation, internal), so the SDK raises the class the real service would cause.
 */
export interface ServiceErrorCodes {
  validation: string;
  unknownOperation: string;
  internal: string;
  missingAuth: string;
  incompleteSignature: string;
  unknownKey: string;
  badSignature: string;
  expiredToken: string;
  throttling: string;
  throttlingStatus: number;
}

const JSON_AUTH = {
  missingAuth: 'MissingAuthenticationTokenException',
  incompleteSignature: 'IncompleteSignatureException',
  unknownKey: 'UnrecognizedClientException',
  badSignature: 'InvalidSignatureException',
  expiredToken: 'ExpiredTokenException',
} as const;

export const SERVICE_ERROR_CODES: Record<ServiceName, ServiceErrorCodes> = {
  glue: { ...JSON_AUTH, validation: 'InvalidInputException', unknownOperation: 'UnknownOperationException', internal: 'InternalServiceException', throttling: 'ThrottlingException', throttlingStatus: 400 },
  // IAM (awsQuery like STS): the model's ServiceFailure (500) is its internal error; auth, validation and
  // unknown-action codes are the awsQuery ones (IAM API Reference, "Common Errors",
  // https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html); the model defines no
  // expired-token exception, so the code IAM sends, ExpiredToken; throttling is `Throttling` ("Rate exceeded").
  iam: {
    validation: 'ValidationError',
    unknownOperation: 'InvalidAction',
    internal: 'ServiceFailure',
    missingAuth: 'MissingAuthenticationToken',
    incompleteSignature: 'IncompleteSignature',
    unknownKey: 'InvalidClientTokenId',
    badSignature: 'SignatureDoesNotMatch',
    expiredToken: 'ExpiredToken',
    throttling: 'Throttling',
    throttlingStatus: 400,
  },
  // KMS (awsJson1_1): its model's KMSInternalException (a fault, 500) is its internal error; validation and
  // throttling are the awsJson common errors (ValidationException, ThrottlingException, 400).
  kms: { ...JSON_AUTH, validation: 'ValidationException', unknownOperation: 'UnknownOperationException', internal: 'KMSInternalException', throttling: 'ThrottlingException', throttlingStatus: 400 },
  lakeformation: { ...JSON_AUTH, validation: 'InvalidInputException', unknownOperation: 'UnknownOperationException', internal: 'InternalServiceException', throttling: 'ThrottlingException', throttlingStatus: 400 },
  // RAM models ThrottlingException with httpError 429 and its internal error as ServerInternalException.
  ram: { ...JSON_AUTH, validation: 'InvalidParameterException', unknownOperation: 'UnknownOperationException', internal: 'ServerInternalException', throttling: 'ThrottlingException', throttlingStatus: 429 },
  // S3's own codes (S3 API Reference, "Error responses"): SlowDown is its throttling answer, 503.
  s3: {
    validation: 'InvalidArgument',
    unknownOperation: 'NotImplemented',
    internal: 'InternalError',
    missingAuth: 'AccessDenied',
    incompleteSignature: 'AuthorizationHeaderMalformed',
    unknownKey: 'InvalidAccessKeyId',
    badSignature: 'SignatureDoesNotMatch',
    expiredToken: 'ExpiredToken',
    throttling: 'SlowDown',
    throttlingStatus: 503,
  },
  sts: {
    validation: 'ValidationError',
    unknownOperation: 'InvalidAction',
    internal: 'InternalFailure',
    missingAuth: 'MissingAuthenticationToken',
    incompleteSignature: 'IncompleteSignature',
    unknownKey: 'InvalidClientTokenId',
    badSignature: 'SignatureDoesNotMatch',
    // The STS model names it ExpiredTokenException (awsQueryError code), so the SDK raises that class.
    expiredToken: 'ExpiredTokenException',
    throttling: 'Throttling',
    throttlingStatus: 400,
  },
};

/**
 * Translate a generic fault code (as given to /_sandbox/faults) into the service's own code and
 * status: `ThrottlingException` is `Throttling` for STS and 429 for RAM; `InternalServiceException`
 * is each service's internal error (500).
 */
export function serviceFault(service: ServiceName, code: string, status: number | undefined): { code: string; status: number } {
  const codes = SERVICE_ERROR_CODES[service];
  if (code === 'ThrottlingException' || code === 'Throttling') return { code: codes.throttling, status: status ?? codes.throttlingStatus };
  if (code === 'InternalServiceException' || code === 'InternalFailure' || code === 'ServerInternalException') return { code: codes.internal, status: status ?? 500 };
  if (code === 'ServiceUnavailableException' || code === 'ServiceUnavailable') return { code, status: status ?? 503 };
  // Lake Formation models ThrottledException with httpError 429 (service model, ThrottledException).
  if (code === 'ThrottledException' && service === 'lakeformation') return { code, status: status ?? 429 };
  return { code, status: status ?? 400 };
}
