import * as z from 'zod';
import type { ServiceName } from '../service-name';

// Sources: none — a sandbox control (`/_sandbox/calls`), not an AWS behaviour; AWS has no such API
// (CloudTrail is the real-world counterpart).

/** One authenticated call, as listed by `GET /_sandbox/calls`. */
export interface CallRecord {
  /** ISO time on the emulator clock. */
  at: string;
  requestId: string;
  service: ServiceName;
  operation: string;
  accountId: string;
  arn: string;
  roleName: string | null;
  sessionName: string | null;
  sourceIdentity: string | null;
  /** `ok` or the error code answered (for the whole call). */
  outcome: string;
  /** Whether a sandbox fault fired in this call (whole call or one of its entries). */
  injected: boolean;
}

/** Filters of `GET /_sandbox/calls?service=&operation=&accountId=&since=` (since: ISO time or epoch ms). */
export const CallFilterSchema = z
  .object({
    service: z.string().optional(),
    operation: z.string().optional(),
    accountId: z.string().optional(),
    since: z
      .string()
      .refine((v) => !Number.isNaN(/^\d+$/.test(v) ? Number(v) : Date.parse(v)), 'must be an ISO time or epoch milliseconds')
      .optional(),
  })
  .strict();

export type CallFilter = z.infer<typeof CallFilterSchema>;

/** The record of calls, newest last. */
export interface CallLog {
  record(call: CallRecord): void;
  list(filter?: CallFilter): CallRecord[];
  /** Calls per `service.operation`, e.g. `{ "lakeformation.BatchGrantPermissions": 3 }`. */
  counts(filter?: CallFilter): Record<string, number>;
  /** How many calls were ever recorded (not lowered by the size cap or by clear), to notice any new call cheaply. */
  recorded(): number;
  clear(): void;
}

// Enough for long benchmark runs; the oldest calls are dropped beyond it.
const MAX_RECORDS = 100_000;

/** An empty call log. */
export function createCallLog(): CallLog {
  let records: CallRecord[] = [];
  let total = 0;
  const list = (filter: CallFilter = {}): CallRecord[] => {
    const since = filter.since === undefined ? undefined : /^\d+$/.test(filter.since) ? Number(filter.since) : Date.parse(filter.since);
    return records.filter(
      (r) =>
        (filter.service === undefined || r.service === filter.service) &&
        (filter.operation === undefined || r.operation === filter.operation) &&
        (filter.accountId === undefined || r.accountId === filter.accountId) &&
        (since === undefined || Date.parse(r.at) >= since),
    );
  };
  return {
    record(call) {
      total += 1;
      records.push(call);
      if (records.length > MAX_RECORDS) records.shift();
    },
    list,
    counts(filter) {
      const counts: Record<string, number> = {};
      for (const r of list(filter)) counts[`${r.service}.${r.operation}`] = (counts[`${r.service}.${r.operation}`] ?? 0) + 1;
      return counts;
    },
    recorded: () => total,
    clear() {
      records = [];
    },
  };
}
