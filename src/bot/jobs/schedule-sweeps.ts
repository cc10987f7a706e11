import type { BotJob } from '../bot-job';
import type { JobQueue } from './job-queue';

/**
 * Enqueue a `sweep` job (reminders, expiry, product syncs due) now and every `everyMs`, for the
 * wirings whose jobs run in this process (sandbox, Socket Mode); on Lambda an EventBridge rule does
 * it. The timer does not keep the process alive; call the returned function to stop it.
 */
export function scheduleSweeps(jobs: JobQueue<BotJob>, everyMs: number, newId: () => string): () => void {
  const sweep = (): void => {
    void jobs.enqueue({ kind: 'sweep', requestId: newId() });
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
