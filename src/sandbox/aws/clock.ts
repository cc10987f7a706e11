import type { World } from './world';

/** The emulator's clock: a base clock (wall clock unless a test injects one) plus the world's offset. */
export interface EmulatorClock {
  /** Epoch milliseconds on the emulator clock. */
  now(): number;
  /** Move the emulator clock forward (the offset lives in the world, so it persists and resets with it). */
  advance(seconds: number): void;
}

/** Build the clock over a live world: `now() = base() + world.clockOffsetMs`. */
export function createClock(world: World, base: () => number = Date.now): EmulatorClock {
  return {
    now: () => base() + world.clockOffsetMs,
    advance: (seconds) => {
      world.clockOffsetMs += seconds * 1000;
    },
  };
}
