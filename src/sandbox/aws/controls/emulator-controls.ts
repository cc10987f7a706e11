import type { EmulatorClock } from '../clock';
import type { World } from '../world';
import type { CallLog } from './call-log';
import type { FaultRegistry } from './fault-registry';

// Sources: none (the AWS documentation is silent: no AWS API) — the sandbox controls (`/_sandbox/…`:
// clock, faults, call log, RAM association delay) are the emulator's own API, not AWS's; the behaviours
// they tune cite their pages where they are emulated.

/** A seeded admin identity, as listed by `GET /_sandbox/accounts`. */
export interface SandboxAccountKeys {
  accountId: string;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** What `/_sandbox/` exposes over HTTP, for tests and benchmarks to use directly. */
export interface EmulatorControls {
  accounts(): SandboxAccountKeys[];
  faults: FaultRegistry;
  calls: CallLog;
  /** The emulator clock; `advance` is persisted with the world. */
  clock: EmulatorClock;
  /** RAM's association delay in ms (access/share-association.ts); a new delay applies to associations started after it and persists with the world. */
  ramAssociationDelay: { get(): number; set(ms: number): void };
  /** The world as `GET /_sandbox/state` shows it: session secrets and tokens left out. */
  state(): World;
  /** The world's id counter, which every change of the world moves: cheaper to compare than `state()` (a sandbox control; no AWS rule applies). */
  worldSequence(): number;
  /** Back to the starting world; faults and the call log are cleared too. */
  reset(): void;
  /** Resolve once pending writes of the persisted world are on disk (no-op without persistence). */
  flush(): Promise<void>;
}

/** The seeded admin identities of a world's accounts. */
export function accountKeys(world: World): SandboxAccountKeys[] {
  return Object.values(world.accounts).map((a) => ({
    accountId: a.id,
    name: a.name,
    accessKeyId: a.adminUser.accessKeyId,
    secretAccessKey: a.adminUser.secretAccessKey,
  }));
}

/** A copy of the world without credentials' secrets and session tokens (admin keys stay visible under `accounts`). */
export function redactedState(world: World): World {
  const copy = structuredClone(world);
  for (const credential of Object.values(copy.credentials)) {
    credential.secretAccessKey = '(hidden)';
    if (credential.sessionToken !== undefined) credential.sessionToken = '(hidden)';
  }
  return copy;
}
