/** Work still running after Slack got its ack (a listener's follow-up), so a local run can wait for quiet. */
export interface InFlight {
  /** Count `work` until it settles. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once nothing tracked is running. */
  idle(): Promise<void>;
}

/** A tracker of in-flight promises. */
export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return work;
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
