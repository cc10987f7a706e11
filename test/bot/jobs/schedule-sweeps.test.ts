import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BotJob } from '../../../src/bot/bot-job';
import { scheduleSweeps } from '../../../src/bot/jobs/schedule-sweeps';

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduleSweeps', () => {
  it('sweeps at once and then every period, until stopped', async () => {
    vi.useFakeTimers();
    const jobs: BotJob[] = [];
    let n = 0;
    const stop = scheduleSweeps({ enqueue: (job) => Promise.resolve(void jobs.push(job)) }, 60_000, () => `sweep-${String(++n)}`);

    await vi.advanceTimersByTimeAsync(150_000);
    stop();
    await vi.advanceTimersByTimeAsync(300_000);

    expect(jobs).toEqual([
      { kind: 'sweep', requestId: 'sweep-1' },
      { kind: 'sweep', requestId: 'sweep-2' },
      { kind: 'sweep', requestId: 'sweep-3' },
    ]);
  });
});
