import { describe, expect, it } from 'vitest';
import { createKeyedLock } from '../../../src/mesh/execute/keyed-lock';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('keyed lock', () => {
  it('runs work of one key one at a time, in order, and other keys alongside', async () => {
    const withLock = createKeyedLock();
    const log: string[] = [];
    const work = (key: string, name: string) =>
      withLock(key, async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        return name;
      });

    const results = await Promise.all([work('a', 'a1'), work('a', 'a2'), work('b', 'b1')]);

    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps going after a failure, and reports the failure to its caller', async () => {
    const withLock = createKeyedLock();
    const failing = withLock('k', () => Promise.reject(new Error('boom')));
    const next = withLock('k', () => Promise.resolve('ran'));

    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
