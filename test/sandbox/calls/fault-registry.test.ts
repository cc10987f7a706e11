import { describe, expect, it } from 'vitest';
import { createFaultRegistry as createAwsFaults } from '../../../src/sandbox/aws/controls/fault-registry';
import { createFaultRegistry } from '../../../src/sandbox/calls/fault-registry';
import { createSlackFaults } from '../../../src/sandbox/slack/slack-faults';

describe('the fault registry shared by the AWS emulator and the fake Slack', () => {
  const byName = () => createFaultRegistry<{ name?: string; count?: number; rate?: number; seed?: number }, string>({ idPrefix: 'f', matches: (spec, name) => spec.name === undefined || spec.name === name });

  it('fires a counted fault on its next matches only, in the order faults were added, then drops it', () => {
    const faults = byName();
    const first = faults.add({ name: 'a', count: 2 });
    const second = faults.add({ count: 1 });

    expect(faults.take('b')?.id).toBe(second);
    expect(faults.take('b')).toBeUndefined();
    expect(faults.take('a')?.id).toBe(first);
    expect(faults.list()).toEqual([{ name: 'a', count: 2, id: first, fired: 1 }]);
    expect(faults.take('a')?.fired).toBe(2);
    expect(faults.list()).toEqual([]);
  });

  it('draws a rate fault from its seed, so the same seed fires on the same calls', () => {
    const fired = (): boolean[] => {
      const faults = byName();
      faults.add({ rate: 0.5, seed: 7 });
      return Array.from({ length: 20 }, () => faults.take('a') !== undefined);
    };

    expect(fired()).toEqual(fired());
    expect(fired()).toContain(true);
    expect(fired()).toContain(false);
  });

  it('keeps each side’s listing: AWS shows the count left, Slack the count given', () => {
    const aws = createAwsFaults();
    aws.add({ service: 'glue', error: 'ThrottlingException', count: 3 });
    aws.take({ service: 'glue', operation: 'GetTables', accountId: '111111111111', perEntry: false });
    const slack = createSlackFaults();
    slack.add({ method: 'chat.update', error: 'ratelimited', count: 3 });
    slack.take('chat.update');

    expect(aws.list()).toEqual([{ service: 'glue', error: 'ThrottlingException', count: 2, id: 'fault-1', fired: 1 }]);
    expect(slack.list()).toEqual([{ method: 'chat.update', error: 'ratelimited', count: 3, retryAfter: 1, id: 'slack-fault-1', fired: 1 }]);
  });
});
