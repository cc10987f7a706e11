/** An SDK client's error: the service's exception class, with the HTTP status and request id it answered. */
export type SdkFailure = Error & { $metadata: { httpStatusCode?: number; requestId?: string } };

/** The error an SDK call rejects with; throws if the call succeeds. */
export async function failure(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new TypeError('expected the call to fail');
}
