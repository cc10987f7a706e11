/** Error codes that mean "not done, try again later": the request was refused before it took effect. */
const REFUSED = new Set(['ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'ConcurrentModificationException', 'RequestLimitExceeded']);

/** Error codes (and network failures) after which nobody knows whether the call took effect. */
const AMBIGUOUS = new Set([
  'OperationTimeoutException',
  'InternalServiceException',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/** How the executor must treat an AWS error code. */
export type ErrorKind = 'refused' | 'ambiguous' | 'final';

/** Classify an AWS error code: retry as is, verify then retry, or give up. */
export function errorKind(code: string): ErrorKind {
  if (REFUSED.has(code)) return 'refused';
  if (AMBIGUOUS.has(code)) return 'ambiguous';
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
