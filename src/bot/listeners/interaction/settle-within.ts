/** How a piece of work ended: its value, or what it threw. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What Slack leaves the bot to answer a submission (3 s), minus the network both ways. */
export const ACK_BUDGET_MS = 2000;

/** Capture a promise's outcome, so it can be raced and inspected without unhandled rejections. */
export function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Wait for `work` at most `ms`: its outcome when it settles in time (so a submission's ack can show
 * it in the modal), else `undefined` and the outcome still to come (the answer then goes by DM).
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<{ outcome: Settled<T> | undefined; later: Promise<Settled<T>> }> {
  const later = settle(work);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
  });
  const outcome = await Promise.race([later, late]);
  clearTimeout(timer);
  return { outcome, later };
}
