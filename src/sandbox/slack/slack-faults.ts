import * as z from 'zod';

/** A failure to answer instead of running a method: `{ "method": "chat.update", "error": "ratelimited", "count": 1 }`. */
export const SlackFaultSpecSchema = z
  .object({
    /** Any method when absent. */
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
export type SlackFault = z.output<typeof SlackFaultSpecSchema> & { id: string; fired: number };

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
  let faults: SlackFault[] = [];
  let next = 0;
  return {
    add(spec) {
      next += 1;
      const id = `slack-fault-${next}`;
      faults.push({ ...SlackFaultSpecSchema.parse(spec), id, fired: 0 });
      return id;
    },
    list: () => faults.map((f) => ({ ...f })),
    take(method) {
      const fault = faults.find((f) => (f.method === undefined || f.method === method) && (f.count === undefined || f.fired < f.count));
      if (fault === undefined) return undefined;
      fault.fired += 1;
      if (fault.count !== undefined && fault.fired >= fault.count) faults = faults.filter((f) => f !== fault);
      return fault;
    },
    clear() {
      faults = [];
    },
  };
}
