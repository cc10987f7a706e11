import * as z from 'zod';
import { createFaultRegistry, type ArmedFault } from '../calls/fault-registry';

// Sources: none for the registry itself — a sandbox control (`/_sandbox/slack/faults`), not a Slack
// behaviour; the error codes it answers are Slack's (`ratelimited` with HTTP 429 and `Retry-After`, as the
// Web API's rate limits page describes).

/** A failure to answer instead of running a method: `{ "method": "chat.update", "error": "ratelimited", "count": 1 }`. */
export const SlackFaultSpecSchema = z
  .object({
    /** Any method when absent; `response_url` fails posts to response URLs, `response_url.replace` those that replace the original. */
    method: z.string().optional(),
    /** The Slack error code; `ratelimited` answers HTTP 429 with `Retry-After`. */
    error: z.string().regex(/^[a-z_]+$/, 'must be a Slack error code such as ratelimited'),
    /** How many calls fail; every call until cleared when absent. */
    count: z.number().int().positive().optional(),
    /** Seconds in the `Retry-After` of a `ratelimited` answer. */
    retryAfter: z.number().int().positive().default(1),
  })
  .strict();

export type SlackFaultSpec = z.input<typeof SlackFaultSpecSchema>;
export type SlackFault = ArmedFault<z.output<typeof SlackFaultSpecSchema>>;

/** Armed faults, consulted before every Web API call. */
export interface SlackFaults {
  add(spec: SlackFaultSpec): string;
  list(): SlackFault[];
  /** The fault firing for this call, if any (its count is used up). */
  take(method: string): SlackFault | undefined;
  clear(): void;
}

/** No faults armed. */
export function createSlackFaults(): SlackFaults {
  const registry = createFaultRegistry<z.output<typeof SlackFaultSpecSchema>, string>({
    idPrefix: 'slack-fault',
    matches: (fault, method) => fault.method === undefined || fault.method === method,
  });
  return {
    add: (spec) => registry.add(SlackFaultSpecSchema.parse(spec)),
    list: () => registry.list(),
    take: (method) => registry.take(method),
    clear: () => {
      registry.clear();
    },
  };
}
