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
    }, pino({ level: 'silent' }), { delayMs: () => 1 });

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

  it('delivers a failing job again, counting the deliveries, until it passes', async () => {
    const deliveries: number[] = [];
    const queue = createInProcessQueue<string>(
      (_job, { attempt }) => {
        deliveries.push(attempt);
        return attempt < 3 ? Promise.reject(new Error('the store is down')) : Promise.resolve();
      },
      pino({ level: 'silent' }),
      { maxAttempts: 5, delayMs: () => 1 },
    );

    await queue.enqueue('grant');
    await queue.idle();

    expect(deliveries).toEqual([1, 2, 3]);
  });

  it('gives a job up after maxAttempts deliveries, and goes on with the others', async () => {
    const deliveries: string[] = [];
    const queue = createInProcessQueue<string>(
      (job, { attempt }) => {
        deliveries.push(`${job}#${String(attempt)}`);
        return job === 'never' ? Promise.reject(new Error('always down')) : Promise.resolve();
      },
      pino({ level: 'silent' }),
      { maxAttempts: 3, delayMs: () => 1 },
    );

    await queue.enqueue('never');
    await queue.enqueue('fine');
    await queue.idle();

    expect(deliveries.toSorted()).toEqual(['fine#1', 'never#1', 'never#2', 'never#3']);
  });
});
