import type { EntryResult, GrantEntry } from '../../domain/grant-entry';

/** The plan entries still to grant: those without a DONE grant result (a retry sends only these). */
export function entriesToGrant(plan: readonly GrantEntry[], results: Readonly<Record<string, EntryResult>>): GrantEntry[] {
  return plan.filter((entry) => {
    const result = results[entry.Id];
    return !(result?.operation === 'grant' && result.outcome === 'DONE');
  });
}

/** The results that failed, in plan order where they belong to the plan. */
export function failedResults(results: Readonly<Record<string, EntryResult>>): EntryResult[] {
  return Object.values(results).filter((r) => r.outcome === 'FAILED');
}

/** One line for the history: how many entries failed and the first reasons, e.g. `2 of 41 entries failed: AccessDeniedException (…)`. */
export function failureNote(results: Readonly<Record<string, EntryResult>>, total: number): string {
  const failed = failedResults(results);
  const reasons = [...new Set(failed.map((r) => `${r.errorCode ?? 'UnknownError'}${r.errorMessage ? ` (${r.errorMessage})` : ''}`))].slice(0, 3);
  return `${failed.length} of ${total} ${total === 1 ? 'entry' : 'entries'} failed: ${reasons.join('; ')}`.slice(0, 4096);
}

/** Every plan entry marked FAILED with the same reason (e.g. the share never reached the consumer, so all must be granted again). */
export function markAllFailed(plan: readonly GrantEntry[], failure: { code: string; message: string }, at: string): Record<string, EntryResult> {
  return Object.fromEntries(
    plan.map((entry) => [entry.Id, { entryId: entry.Id, operation: 'grant' as const, outcome: 'FAILED' as const, errorCode: failure.code, errorMessage: failure.message, at }]),
  );
}
