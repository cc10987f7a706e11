/**
 * An error the emulator answers with, in the shape of the real service's error: the code becomes
 * `__type` / `x-amzn-ErrorType` (JSON protocols) or `<Error><Code>` (query protocol), so the AWS SDK
 * raises the exception class of that name.
 */
export class AwsError extends Error {
  override readonly name = 'AwsError';

  constructor(
    /** The service's error code, e.g. `EntityNotFoundException`. */
    readonly code: string,
    message: string,
    /** HTTP status, 400 unless the service documents another (e.g. 403, 404, 409, 500, 503). */
    readonly status = 400,
  ) {
    super(message);
  }
}
