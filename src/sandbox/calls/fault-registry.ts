import { seededRandom } from './seeded-random';

// Sources: none — a sandbox control shared by the AWS emulator (`/_sandbox/faults`) and the fake Slack
// API (`/_sandbox/slack/faults`), not an AWS or Slack behaviour; the error codes each injects are checked
// by its own service.

/** How often a fault fires, whatever it matches: the next `count` matches, or a seeded fraction `rate` of them. */
export interface FaultLimits {
  /** Fire on the next N matching calls, then disappear; every matching call until removed when absent. */
  count?: number | undefined;
  /** Fire on this fraction of matching calls, drawn from a PRNG seeded with `seed` (default 1). */
  rate?: number | undefined;
  seed?: number | undefined;
}

/** A registered fault: its spec as given, its id and how many times it has fired. */
export type ArmedFault<S> = S & { id: string; fired: number };

/** The faults currently armed, matched against calls in the order they were added. */
export interface FaultRegistry<S, T> {
  /** Arm a fault; returns its id. */
  add(spec: S): string;
  list(): ArmedFault<S>[];
  /** Disarm one fault; false if no such id. */
  remove(id: string): boolean;
  clear(): void;
  /** The first armed fault that fires for this target (a copy); its count is used up. */
  take(target: T): ArmedFault<S> | undefined;
}

/** How one emulated service names its faults and matches them against its calls. */
export interface FaultShape<S, T> {
  /** Ids are `<idPrefix>-1`, `<idPrefix>-2`, … */
  idPrefix: string;
  /** Whether the fault's own fields (service, operation, method, …) select this target; limits are checked after. */
  matches(spec: S, target: T): boolean;
}

/** An empty fault registry of one shape. */
export function createFaultRegistry<S extends FaultLimits, T>(shape: FaultShape<S, T>): FaultRegistry<S, T> {
  const faults = new Map<string, { fault: ArmedFault<S>; random: () => number }>();
  let nextId = 1;
  return {
    add(spec) {
      const id = `${shape.idPrefix}-${nextId++}`;
      faults.set(id, { fault: { ...spec, id, fired: 0 }, random: seededRandom(spec.seed ?? 1) });
      return id;
    },
    list: () => [...faults.values()].map(({ fault }) => ({ ...fault })),
    remove: (id) => faults.delete(id),
    clear: () => {
      faults.clear();
    },
    take(target) {
      for (const [id, entry] of faults) {
        const { fault } = entry;
        if (!shape.matches(fault, target)) continue;
        if (fault.rate !== undefined && entry.random() >= fault.rate) continue;
        fault.fired += 1;
        if (fault.count !== undefined && fault.fired >= fault.count) faults.delete(id);
        return { ...fault };
      }
      return undefined;
    },
  };
}
