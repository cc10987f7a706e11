import * as z from 'zod';
import { createCallLog, SinceSchema, type CallLog } from '../calls/call-log';

// Sources: none — a sandbox control (`/_sandbox/slack/calls`), not a Slack behaviour; Slack has no such
// API (its audit logs are the real-world counterpart).

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
    since: SinceSchema.optional(),
  })
  .strict();

export type SlackCallFilter = z.input<typeof SlackCallFilterSchema>;

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

/** A Web API call as the fake hands it to the log: no position yet, arguments not yet redacted. */
export type SlackCallEntry = Omit<SlackCallRecord, 'seq'>;

/** The record of Web API calls, oldest first. */
export interface SlackCallLog {
  record(call: SlackCallEntry): SlackCallRecord;
  /** Calls passing the filter (parsed with `SlackCallFilterSchema`, so `ok` may be `'true'`). */
  list(filter?: SlackCallFilter): SlackCallRecord[];
  /** How many calls were ever recorded (not lowered by the size cap or by clear), to notice any new call cheaply. */
  recorded(): number;
  clear(): void;
}

/** An empty call log of Web API calls. */
export function createSlackCallLog(): SlackCallLog {
  const log: CallLog<SlackCallEntry, SlackCallRecord, z.output<typeof SlackCallFilterSchema>> = createCallLog({
    toRecord: (call, seq) => ({ ...call, seq, args: redactTokens(call.args) as Record<string, unknown> }),
    nameOf: (r) => r.method,
    matches: (r, filter) => (filter.method === undefined || r.method === filter.method) && (filter.ok === undefined || r.ok === filter.ok),
  });
  return {
    record: (call) => log.record(call),
    list: (input = {}) => log.list(SlackCallFilterSchema.parse(input)),
    recorded: () => log.recorded(),
    clear: () => {
      log.clear();
    },
  };
}
