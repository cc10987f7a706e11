import * as z from 'zod';

/** One Web API call as the fake Slack API saw it (`GET /_sandbox/slack/calls`). */
export interface SlackCallRecord {
  /** Position in the log, from 1. */
  seq: number;
  /** ISO time on the fake's clock. */
  at: string;
  method: string;
  /** Decoded arguments (blocks and views as objects), tokens redacted. */
  args: Record<string, unknown>;
  ok: boolean;
  error: string | null;
}

/** Filters of `GET /_sandbox/slack/calls?method=&ok=&since=` (since: ISO time or epoch ms). */
export const SlackCallFilterSchema = z
  .object({
    method: z.string().optional(),
    ok: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
    since: z
      .union([z.number(), z.string()])
      .refine((v) => !Number.isNaN(toMs(v)), 'must be an ISO time or epoch milliseconds')
      .optional(),
  })
  .strict();

export type SlackCallFilter = z.input<typeof SlackCallFilterSchema>;

function toMs(v: number | string): number {
  return typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : Date.parse(v);
}

const REDACTED = '[redacted]';
// Slack tokens: bot, user, app-level, refresh, config, workflow.
const TOKEN_PATTERN = /xox[abeoprs]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

/** A deep copy with every `token` field and anything shaped like a Slack token replaced by `[redacted]`. */
export function redactTokens(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_PATTERN, REDACTED);
  if (Array.isArray(value)) return value.map(redactTokens);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /token$/i.test(k) && typeof v === 'string' ? REDACTED : redactTokens(v)]));
  }
  return value;
}

/** The record of Web API calls, oldest first. */
export interface SlackCallLog {
  record(call: Omit<SlackCallRecord, 'seq' | 'args'> & { args: Record<string, unknown> }): SlackCallRecord;
  list(filter?: SlackCallFilter): SlackCallRecord[];
  /** How many calls were ever recorded (not lowered by the size cap or by clear), to notice any new call cheaply. */
  recorded(): number;
  clear(): void;
}

// Enough for long benchmark runs; the oldest calls are dropped beyond it.
const MAX_RECORDS = 100_000;

/** An empty call log. */
export function createSlackCallLog(): SlackCallLog {
  let records: SlackCallRecord[] = [];
  let seq = 0;
  return {
    record(call) {
      seq += 1;
      const record: SlackCallRecord = { ...call, seq, args: redactTokens(call.args) as Record<string, unknown> };
      records.push(record);
      if (records.length > MAX_RECORDS) records.shift();
      return record;
    },
    list(input = {}) {
      const filter = SlackCallFilterSchema.parse(input);
      const since = filter.since === undefined ? undefined : toMs(filter.since);
      return records.filter(
        (r) =>
          (filter.method === undefined || r.method === filter.method) &&
          (filter.ok === undefined || r.ok === filter.ok) &&
          (since === undefined || Date.parse(r.at) >= since),
      );
    },
    recorded: () => seq,
    clear() {
      records = [];
    },
  };
}
