import type { BotJob } from '../../bot-job';
import type { JobQueue } from './job-queue';

/**
 * Enqueue a `sweep` job (interrupted work, reminders, expiry, product syncs due) now and every
 * `everyMs`, for the wirings whose jobs run in this process (sandbox, Socket Mode); on Lambda an
 * EventBridge rule does it. The first one finishes whatever was in flight before this process
 * started (it alone runs this mesh's jobs, so that work was interrupted). The timer does not keep the
 * process alive; call the returned function to stop it.
 */
export function scheduleSweeps(jobs: JobQueue<BotJob>, everyMs: number, newId: () => string, now: () => number = Date.now): () => void {
  const sweep = (resumeUpdatedBefore?: string): void => {
    void jobs.enqueue({ kind: 'sweep', requestId: newId(), ...(resumeUpdatedBefore !== undefined && { resumeUpdatedBefore }) });
  };
  sweep(new Date(now()).toISOString());
  const timer = setInterval(() => {
    sweep();
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
