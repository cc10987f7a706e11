/**
 * Runs work for the same key one at a time, in arrival order (work for other keys runs alongside).
 * Used so two executions never grant on the same (grantor catalog, grantee account) at once, which
 * Lake Formation answers with ConcurrentModificationException.
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<unknown>>();

  /** Run `work` once every earlier work of `key` has settled. */
  return async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      // The last one out clears the key so the map does not grow with every grantee ever seen.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

export type KeyedLock = ReturnType<typeof createKeyedLock>;
