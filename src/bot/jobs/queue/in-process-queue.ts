import type { Logger } from 'pino';
import type { JobHandler, JobQueue } from './job-queue';

/** An in-process queue: jobs run right after the ack, in this process; `idle()` waits for all of them. */
export interface InProcessQueue<J> extends JobQueue<J> {
  /** Resolves when every job enqueued so far (and any they enqueued, and their retries) has finished. */
  idle(): Promise<void>;
}

/** How the in-process queue retries a job that failed, as SQS would with its visibility timeout and maxReceiveCount. */
export interface InProcessRetries {
  /** Deliveries of a job before it is given up (logged): the first one and the retries. */
  maxAttempts?: number;
  /** How long to wait before delivery `attempt` (2, 3, …) of a job that failed. */
  delayMs?: (attempt: number) => number;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * A queue that runs each job on the next turn of the event loop. A job that fails (its handler
 * rejects) is delivered again after a pause, up to `maxAttempts` deliveries in all (3 by default, a
 * second then two seconds apart), then given up with an error in the log; nothing is ever thrown at
 * the enqueuer, and a failing job never takes the process down.
 */
export function createInProcessQueue<J>(handle: JobHandler<J>, logger: Logger, retries: InProcessRetries = {}): InProcessQueue<J> {
  const maxAttempts = retries.maxAttempts ?? 3;
  const delayMs = retries.delayMs ?? ((attempt: number) => 1000 * 2 ** (attempt - 2));
  const running = new Set<Promise<void>>();

  async function deliver(job: J): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handle(job, { attempt });
        return;
      } catch (error) {
        if (attempt >= maxAttempts) {
          logger.error({ err: error, attempt }, 'job failed every delivery; given up');
          return;
        }
        logger.warn({ err: error, attempt }, 'job failed; delivering it again');
      }
      await sleep(delayMs(attempt + 1));
    }
  }

  return {
    enqueue(job) {
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => deliver(job))
        .finally(() => running.delete(run));
      running.add(run);
      return Promise.resolve();
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
