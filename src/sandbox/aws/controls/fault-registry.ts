import * as z from 'zod';
import { ServiceNameSchema, type ServiceName } from '../service-name';
import { createFaultRegistry as createGenericFaultRegistry, type ArmedFault, type FaultRegistry as GenericFaultRegistry } from '../../calls/fault-registry';

// Sources: each service model's operation errors (botocore `data/<service>/*/service-2.json`,
// `operations.<Op>.errors`): the error codes it injects are those, and are checked there. The registry
// itself is a sandbox control (shared with the fake Slack in src/sandbox/calls/fault-registry.ts), on
// which the AWS documentation is silent.

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

/** A registered fault, as listed by `GET /_sandbox/faults`: `count` is what it has left to fire. */
export type Fault = ArmedFault<FaultSpec>;

/** What a fault is matched against: a call, or one entry of a batch call (`perEntry`). */
export interface FaultTarget {
  service: ServiceName;
  operation: string;
  accountId: string;
  perEntry: boolean;
}

/** The faults currently armed, matched against calls and batch entries. */
export interface FaultRegistry extends GenericFaultRegistry<FaultSpec, FaultTarget> {
  /** The first armed fault that fires for this call (or batch entry, with `perEntry`); consumes counts. */
  take(target: FaultTarget): Fault | undefined;
}

// The shared registry keeps `count` as given; AWS faults list the count they have left.
function withCountLeft(fault: Fault): Fault {
  return fault.count === undefined ? fault : { ...fault, count: fault.count - fault.fired };
}

/** An empty fault registry. */
export function createFaultRegistry(): FaultRegistry {
  const registry = createGenericFaultRegistry<FaultSpec, FaultTarget>({
    idPrefix: 'fault',
    matches: (fault, { service, operation, accountId, perEntry }) =>
      (fault.perEntry ?? false) === perEntry &&
      (fault.service === undefined || fault.service === service) &&
      (fault.operation === undefined || fault.operation === operation) &&
      (fault.accountId === undefined || fault.accountId === accountId),
  });
  return {
    ...registry,
    list: () => registry.list().map(withCountLeft),
    take: (target) => {
      const fault = registry.take(target);
      return fault === undefined ? undefined : withCountLeft(fault);
    },
  };
}
