import { backoffDelay, DEFAULT_RETRY_POLICY, defaultSleep, type RetryPolicy } from '../execute/retry-policy';
import { errorKindOf } from './aws-call-error';

/** How hard to retry a call AWS refused without acting on it (throttling, concurrent modification). */
export interface RetryOptions {
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Run an AWS call, retrying with jittered backoff while AWS refuses it before taking effect
 * (ThrottlingException and the like); any other error, or the last refusal, is thrown as is.
 */
export async function retryRefused<T>(call: () => Promise<T>, { policy = DEFAULT_RETRY_POLICY, sleep = defaultSleep, random = Math.random }: RetryOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.maxAttempts || errorKindOf(error) !== 'refused') throw error;
      await sleep(backoffDelay(policy, attempt + 1, random));
    }
  }
}
