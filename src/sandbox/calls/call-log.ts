import * as z from 'zod';

// Sources: none — a sandbox control shared by the AWS emulator (`/_sandbox/calls`) and the fake Slack
// API (`/_sandbox/slack/calls`), not an AWS or Slack behaviour; neither has such an API (CloudTrail and
// Slack's audit logs are the real-world counterparts).

const SINCE_RULE = 'must be an ISO time or epoch milliseconds';

/** `since` of a call filter: an ISO time or epoch milliseconds (as a number or a string of digits). */
export const SinceSchema = z.union([z.number(), z.string()]).refine((v) => !Number.isNaN(sinceMs(v)), SINCE_RULE);

/** `since` as a query string gives it: an ISO time or epoch milliseconds in digits. */
export const SinceTextSchema = z.string().refine((v) => !Number.isNaN(sinceMs(v)), SINCE_RULE);

/** Epoch ms of a `since` value (NaN when it is neither an ISO time nor epoch ms). */
export function sinceMs(v: number | string): number {
  return typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : Date.parse(v);
}

/** What every call filter may carry: calls at or after `since`. */
export interface TimeFilter {
  since?: number | string | undefined;
}

/** How one emulated service's calls are kept: its record, its name for counts, its own filter fields. */
export interface CallLogShape<E, R extends { at: string }, F extends TimeFilter> {
  /** The record kept for a call, given its position in the log (from 1). */
  toRecord(entry: E, seq: number): R;
  /** The name `counts` groups by, e.g. `lakeformation.BatchGrantPermissions` or `chat.postMessage`. */
  nameOf(record: R): string;
  /** Whether a record passes the filter's own fields (`since` is checked by the log). */
  matches(record: R, filter: F): boolean;
}

/** The record of calls, oldest first. */
export interface CallLog<E, R, F> {
  /** Keep a call; returns the record kept. */
  record(call: E): R;
  list(filter?: F): R[];
  /** Calls per name (`CallLogShape.nameOf`). */
  counts(filter?: F): Record<string, number>;
  /** How many calls were ever recorded (not lowered by the size cap or by clear), to notice any new call cheaply. */
  recorded(): number;
  clear(): void;
}

// Enough for long benchmark runs; the oldest calls are dropped beyond it.
const MAX_RECORDS = 100_000;

/** An empty call log of one shape. */
export function createCallLog<E, R extends { at: string }, F extends TimeFilter>(shape: CallLogShape<E, R, F>): CallLog<E, R, F> {
  let records: R[] = [];
  let total = 0;
  const list = (filter?: F): R[] => {
    if (filter === undefined) return [...records];
    const since = filter.since === undefined ? undefined : sinceMs(filter.since);
    return records.filter((r) => shape.matches(r, filter) && (since === undefined || Date.parse(r.at) >= since));
  };
  return {
    record(call) {
      total += 1;
      const record = shape.toRecord(call, total);
      records.push(record);
      if (records.length > MAX_RECORDS) records.shift();
      return record;
    },
    list,
    counts(filter) {
      const counts: Record<string, number> = {};
      for (const r of list(filter)) {
        const name = shape.nameOf(r);
        counts[name] = (counts[name] ?? 0) + 1;
      }
      return counts;
    },
    recorded: () => total,
    clear() {
      records = [];
    },
  };
}
