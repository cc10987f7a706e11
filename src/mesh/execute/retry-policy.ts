/** How hard the executor tries: attempts per entry and a capped, jittered exponential backoff. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Production defaults: about half a minute of trying before an entry is recorded as failed. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 5_000 };

/** Wait `ms` milliseconds for real (tests and benchmarks pass their own sleep). */
export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** "Full jitter" backoff before attempt `attempt` (2, 3, …): uniform in [0, min(cap, base · 2^(attempt-2))]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 2));
  return Math.round(ceiling * random());
}
