import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BotJob } from '../../../../src/bot/bot-job';
import { scheduleSweeps } from '../../../../src/bot/jobs/queue/schedule-sweeps';

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduleSweeps', () => {
  it('sweeps at once (finishing what was in flight before this start) and then every period, until stopped', async () => {
    vi.useFakeTimers();
    const jobs: BotJob[] = [];
    let n = 0;
    const startedAt = Date.UTC(2026, 11, 2, 9, 0, 0);
    const stop = scheduleSweeps({ enqueue: (job) => Promise.resolve(void jobs.push(job)) }, 60_000, () => `sweep-${String(++n)}`, () => startedAt);

    await vi.advanceTimersByTimeAsync(150_000);
    stop();
    await vi.advanceTimersByTimeAsync(300_000);

    expect(jobs).toEqual([
      { kind: 'sweep', requestId: 'sweep-1', resumeUpdatedBefore: '2026-12-02T09:00:00.000Z' },
      { kind: 'sweep', requestId: 'sweep-2' },
      { kind: 'sweep', requestId: 'sweep-3' },
    ]);
  });
});
