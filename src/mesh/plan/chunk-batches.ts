/** Lake Formation's limit on entries in one BatchGrantPermissions / BatchRevokePermissions call. */
export const MAX_BATCH_ENTRIES = 20;

/**
 * Splits entries into consecutive batches of at most `size` (default and maximum 20), order kept:
 * 41 entries → batches of 20, 20 and 1.
 */
export function chunkBatches<T>(entries: readonly T[], size: number = MAX_BATCH_ENTRIES): T[][] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_ENTRIES) {
    // A caller bug, not a user mistake: no Slack user chooses the batch size.
    throw new RangeError(`batch size must be an integer from 1 to ${MAX_BATCH_ENTRIES}, not ${size}`);
  }
  return inBatches(entries, size);
}

/** Consecutive slices of at most `size` items, order kept (any positive size: callers hold their service's limit). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
