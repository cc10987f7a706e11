import { monotonicFactory } from 'ulid';

/** Makes subscription ids: ULIDs, sortable by creation time even within one millisecond. */
export type IdGenerator = () => string;

/** An id generator reading time from the given clock (epoch ms), so tests control it. */
export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  const next = monotonicFactory();
  return () => next(now());
}
