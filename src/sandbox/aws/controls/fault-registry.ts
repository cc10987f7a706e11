import * as z from 'zod';
import { ServiceNameSchema, type ServiceName } from '../service-name';
import { seededRandom } from './seeded-random';

// Sources: none for the registry itself (a sandbox control); the error codes it injects are those of
// each service model (botocore service-2.json) and are checked there.

/**
 * A fault to inject, as posted to `/_sandbox/faults`. Example:
 * `{ "service": "lakeformation", "operation": "BatchGrantPermissions", "error": "ConcurrentModificationException", "count": 2 }`.
 * Without `count` or `rate` it fires on every matching call until deleted.
 */
export const FaultSpecSchema = z
  .object({
    service: ServiceNameSchema.optional(),
    operation: z.string().min(1).optional(),
    accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id').optional(),
    /** The error code to answer, e.g. ThrottlingException, ConcurrentModificationException, OperationTimeoutException, InternalServiceException. */
    error: z.string().regex(/^[A-Za-z][\w.]*$/, 'must be an error code such as ThrottlingException'),
    message: z.string().optional(),
    /** HTTP status; by default what the service answers for that code. */
    status: z.number().int().min(400).max(599).optional(),
    /** Fire on the next N matching calls (or entries), then disappear. */
    count: z.number().int().positive().optional(),
    /** Fire on this fraction of matching calls (or entries), drawn from a PRNG seeded with `seed`. */
    rate: z.number().min(0).max(1).optional(),
    seed: z.number().int().optional(),
    /** Fail entries of batch operations (through `ctx.entryFault()`) instead of whole calls. */
    perEntry: z.boolean().optional(),
  })
  .strict()
  .refine((spec) => spec.count === undefined || spec.rate === undefined, { message: 'give either count or rate, not both' });

export type FaultSpec = z.infer<typeof FaultSpecSchema>;

/** A registered fault, as listed by `GET /_sandbox/faults`. */
export interface Fault extends FaultSpec {
  id: string;
  /** How many times it has fired. */
  fired: number;
}

/** The faults currently armed, matched against calls and batch entries. */
export interface FaultRegistry {
  /** Arm a fault; returns its id. */
  add(spec: FaultSpec): string;
  list(): Fault[];
  /** Disarm one fault; false if no such id. */
  remove(id: string): boolean;
  clear(): void;
  /** The first armed fault that fires for this call (or batch entry, with `perEntry`); consumes counts. */
  take(target: { service: ServiceName; operation: string; accountId: string; perEntry: boolean }): Fault | undefined;
}

/** An empty fault registry. */
export function createFaultRegistry(): FaultRegistry {
  const faults = new Map<string, { fault: Fault; random: () => number }>();
  let nextId = 1;
  return {
    add(spec) {
      const id = `fault-${nextId++}`;
      faults.set(id, { fault: { ...spec, id, fired: 0 }, random: seededRandom(spec.seed ?? 1) });
      return id;
    },
    list: () => [...faults.values()].map(({ fault }) => ({ ...fault })),
    remove: (id) => faults.delete(id),
    clear: () => {
      faults.clear();
    },
    take({ service, operation, accountId, perEntry }) {
      for (const [id, entry] of faults) {
        const { fault } = entry;
        if ((fault.perEntry ?? false) !== perEntry) continue;
        if (fault.service !== undefined && fault.service !== service) continue;
        if (fault.operation !== undefined && fault.operation !== operation) continue;
        if (fault.accountId !== undefined && fault.accountId !== accountId) continue;
        if (fault.rate !== undefined && entry.random() >= fault.rate) continue;
        fault.fired += 1;
        if (fault.count !== undefined) {
          fault.count -= 1;
          if (fault.count === 0) faults.delete(id);
        }
        return { ...fault };
      }
      return undefined;
    },
  };
}
