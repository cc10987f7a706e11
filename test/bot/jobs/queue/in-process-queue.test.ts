import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../../../src/bot/jobs/queue/in-process-queue';

describe('in-process job queue', () => {
  it('acks before the job runs, runs every job, and survives a failing one', async () => {
    const done: string[] = [];
    const queue = createInProcessQueue<string>(async (job) => {
      if (job === 'bad') throw new Error('boom');
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(job);
    }, pino({ level: 'silent' }));

    await queue.enqueue('a');
    await queue.enqueue('bad');
    await queue.enqueue('b');
    expect(done).toEqual([]);
    await queue.idle();

    expect(done.toSorted()).toEqual(['a', 'b']);
  });

  it('waits for jobs that jobs enqueue', async () => {
    const done: string[] = [];
    const queue = createInProcessQueue<number>(async (n) => {
      done.push(String(n));
      if (n < 3) await queue.enqueue(n + 1);
    }, pino({ level: 'silent' }));

    await queue.enqueue(1);
    await queue.idle();

    expect(done).toEqual(['1', '2', '3']);
  });
});
