/**
 * How each error of the services the mesh calls is to be treated, from their service models (botocore
 * `data/<service>/<version>/service-2.json` of lakeformation, glue, ram and sts, which the SDK's generated exception classes
 * carry as `$fault` and `$retryable`; test/mesh/aws/aws-call-error.test.ts checks this table
 * against those classes) and the SDK's general retry rules:
 *  - refused before taking effect, safe to send again: throttling — Lake Formation
 *    `ThrottledException` (`@retryable(throttling)`, HTTP 429), RAM `ThrottlingException` (HTTP 429),
 *    Glue `ThrottlingException` ("The throttling threshhold was exceeded"), STS `Throttling` (botocore
 *    `_retry.json`), and the `ThrottlingException` Lake Formation answers when a rate is exceeded
 *    (not in its model; the SDK treats the name as throttling) — and `ConcurrentModificationException`
 *    (Lake Formation, Glue: "Two processes are trying to modify a resource simultaneously": the loser
 *    did not modify it);
 *  - outcome unknown, verify before sending again: server faults (`$fault: server`: Lake Formation
 *    and Glue `InternalServiceException`, Glue `InternalServerException`, RAM `ServerInternalException`
 *    (500) and `ServiceUnavailableException` (503), STS `InternalFailure`), `OperationTimeoutException`
 *    (Lake Formation, Glue: "The operation timed out"), and the SDK's transient transport failures
 *    (`TimeoutError`, `RequestTimeout`, Node's ECONNRESET/ECONNREFUSED/EPIPE/ETIMEDOUT);
 *  - everything else is final: the caller's request was wrong or not allowed.
 */
export const REFUSED_CODES: ReadonlySet<string> = new Set(['ThrottledException', 'ThrottlingException', 'Throttling', 'ConcurrentModificationException']);

/** See REFUSED_CODES. */
export const AMBIGUOUS_CODES: ReadonlySet<string> = new Set([
  'InternalServiceException',
  'InternalServerException',
  'ServerInternalException',
  'ServiceUnavailableException',
  'InternalFailure',
  'OperationTimeoutException',
  'TimeoutError',
  'RequestTimeout',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * The answers that mean "no such thing" (Glue and Lake Formation `EntityNotFoundException`; RAM
 * `UnknownResourceException` and `ResourceShareInvitationArnNotFoundException`, from their service
 * models): for a read, an answer — the thing is absent — rather than a failure.
 */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['EntityNotFoundException', 'UnknownResourceException', 'ResourceShareInvitationArnNotFoundException']);

/** How the executor must treat an AWS error code. */
export type ErrorKind = 'refused' | 'ambiguous' | 'final';

/** Classify an AWS error code: retry as is, verify then retry, or give up. */
export function errorKind(code: string): ErrorKind {
  if (REFUSED_CODES.has(code)) return 'refused';
  if (AMBIGUOUS_CODES.has(code)) return 'ambiguous';
  return 'final';
}

/**
 * Classify anything an SDK call threw: by its code, else (a code no model names, e.g. from a proxy)
 * by its HTTP status as the SDK's retry rules do — 429 refused, 5xx ambiguous.
 */
export function errorKindOf(error: unknown): ErrorKind {
  const kind = errorKind(errorCode(error));
  if (kind !== 'final') return kind;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  if (status === 429) return 'refused';
  if (typeof status === 'number' && status >= 500) return 'ambiguous';
  return 'final';
}

/** The code of anything an SDK call threw: the exception name, or the Node error code of a network failure. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { name, code } = error as { name?: unknown; code?: unknown };
    if (typeof code === 'string' && code.startsWith('E')) return code;
    if (typeof name === 'string' && name !== 'Error') return name;
  }
  return 'UnknownError';
}

/** The message of anything an SDK call threw. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
