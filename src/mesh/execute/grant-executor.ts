import type { EntryResult, GrantEntry } from '../domain/grant-entry';
import { chunkBatches } from '../plan/chunk-batches';
import { errorCode, errorKind, errorKindOf, errorMessage } from '../aws/aws-call-error';
import { backoffDelay, DEFAULT_RETRY_POLICY, defaultSleep, type RetryPolicy } from './retry-policy';

/** One entry Lake Formation refused inside a 200 answer. */
export interface EntryFailure {
  entryId: string;
  code: string;
  message: string;
}

/** What the executor needs of Lake Formation, bound to one grantor catalog and role session. */
export interface PermissionsPort {
  /** BatchGrantPermissions / BatchRevokePermissions of at most 20 entries; per-entry failures returned, call failures thrown. */
  apply(operation: 'grant' | 'revoke', entries: GrantEntry[]): Promise<EntryFailure[]>;
  /** Whether the entry's principal holds every permission of the entry on its resource now (ListPermissions). */
  holds(entry: GrantEntry): Promise<boolean>;
}

/** The executor's collaborators: Lake Formation, time and chance (injected so tests and benchmarks control them). */
export interface ExecutorDeps {
  permissions: PermissionsPort;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/**
 * Grant or revoke plan entries in batches of at most 20, and return every entry's outcome.
 * Throttling and ConcurrentModification are retried with jittered backoff; after an ambiguous error
 * (a timeout: the call may have taken effect) each entry is checked with ListPermissions before it is
 * sent again; granting what is already there and revoking what is already gone count as done.
 */
export async function executeEntries(
  operation: 'grant' | 'revoke',
  entries: readonly GrantEntry[],
  { permissions, policy = DEFAULT_RETRY_POLICY, sleep = defaultSleep, random = Math.random, now = Date.now }: ExecutorDeps,
): Promise<Record<string, EntryResult>> {
  const results: Record<string, EntryResult> = {};
  const record = (entry: GrantEntry, failure?: { code: string; message: string }): void => {
    results[entry.Id] = {
      entryId: entry.Id,
      operation,
      outcome: failure ? 'FAILED' : 'DONE',
      ...(failure && { errorCode: failure.code, errorMessage: failure.message }),
      at: new Date(now()).toISOString(),
    };
  };
  // Whether the entry's effect is in place: held after a grant, absent after a revoke.
  const inEffect = async (entry: GrantEntry): Promise<boolean> => (await permissions.holds(entry)) === (operation === 'grant');

  let pending: GrantEntry[] = [...entries];
  const lastFailure = new Map<string, { code: string; message: string }>();
  for (let attempt = 1; pending.length > 0 && attempt <= policy.maxAttempts; attempt++) {
    if (attempt > 1) await sleep(backoffDelay(policy, attempt, random));
    const again: GrantEntry[] = [];
    for (const batch of chunkBatches(pending)) {
      let failures: EntryFailure[];
      try {
        failures = await permissions.apply(operation, batch);
      } catch (error) {
        const failure = { code: errorCode(error), message: errorMessage(error) };
        const kind = errorKindOf(error);
        for (const entry of batch) {
          if (kind === 'final') record(entry, failure);
          else if (kind === 'ambiguous' && (await inEffect(entry))) record(entry);
          else {
            lastFailure.set(entry.Id, failure);
            again.push(entry);
          }
        }
        continue;
      }
      const failed = new Map(failures.map((f) => [f.entryId, f]));
      for (const entry of batch) {
        const failure = failed.get(entry.Id);
        if (!failure) record(entry);
        else if (errorKind(failure.code) !== 'final') {
          lastFailure.set(entry.Id, failure);
          again.push(entry);
        } else if (await inEffect(entry)) record(entry); // e.g. revoking what another path already removed
        else record(entry, failure);
      }
    }
    pending = again;
  }
  for (const entry of pending) {
    record(entry, lastFailure.get(entry.Id) ?? { code: 'RetriesExhausted', message: 'gave up after repeated throttling' });
  }
  return results;
}
