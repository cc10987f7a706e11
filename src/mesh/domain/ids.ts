import { createHash } from 'node:crypto';
import { monotonicFactory, ulid } from 'ulid';

/** Makes subscription ids: ULIDs, sortable by creation time even within one millisecond. */
export type IdGenerator = () => string;

/** An id generator reading time from the given clock (epoch ms), so tests control it. */
export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  const next = monotonicFactory();
  return () => next(now());
}

/**
 * The id of something a request creates, the same each time that request is delivered: a ULID whose
 * time is `atMs` and whose random part is drawn from a hash of `key`. A replayed request then writes
 * the same id again, and the store's create-only condition refuses the double.
 */
export function idForRequest(key: string, atMs: number): string {
  const bytes = createHash('sha256').update(key).digest();
  let next = 0;
  // Each random character takes one byte of the hash (16 of its 32), read as a fraction in [0, 1).
  return ulid(atMs, () => (bytes[next++ % bytes.length] ?? 0) / 256);
}
