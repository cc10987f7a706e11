import type { Logger } from 'pino';
import type { JobQueue } from './job-queue';

/** An in-process queue: jobs run right after the ack, in this process; `idle()` waits for all of them. */
export interface InProcessQueue<J> extends JobQueue<J> {
  /** Resolves when every job enqueued so far (and any they enqueued) has finished. */
  idle(): Promise<void>;
}

/** A queue that runs each job on the next turn of the event loop; failures are logged, never thrown at the enqueuer. */
export function createInProcessQueue<J>(handle: (job: J) => Promise<void>, logger: Logger): InProcessQueue<J> {
  const running = new Set<Promise<void>>();
  return {
    enqueue(job) {
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => handle(job))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'job failed');
        })
        .finally(() => running.delete(run));
      running.add(run);
      return Promise.resolve();
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
