import { describe, expect, it } from 'vitest';
import { createCallLog, type CallRecord } from '../../../src/sandbox/aws/controls/call-log';
import { createSlackCallLog } from '../../../src/sandbox/slack/slack-call-log';

const call = (i: number): CallRecord => ({
  at: new Date(i).toISOString(),
  requestId: `r${String(i)}`,
  service: 'glue',
  operation: 'GetTables',
  accountId: '111111111111',
  arn: 'arn:aws:iam::111111111111:user/sandbox-admin',
  roleName: null,
  sessionName: null,
  sourceIdentity: null,
  outcome: 'ok',
  injected: false,
});

describe('call logs count every call, even past their size cap', () => {
  it('AWS: the kept list stops at 100,000 but the total goes on, and clear does not lower it', () => {
    const log = createCallLog();
    for (let i = 0; i < 100_003; i++) log.record(call(i));

    expect(log.list()).toHaveLength(100_000);
    expect(log.list()[0]?.requestId).toBe('r3');
    expect(log.recorded()).toBe(100_003);
    log.clear();
    log.record(call(1));
    expect(log.recorded()).toBe(100_004);
  });

  it('Slack: the total goes on after clear', () => {
    const log = createSlackCallLog();
    log.record({ at: new Date(0).toISOString(), method: 'chat.postMessage', ok: true, error: null, args: { token: 'xoxb-1' } });
    log.clear();
    log.record({ at: new Date(0).toISOString(), method: 'chat.update', ok: true, error: null, args: {} });

    expect(log.list()).toHaveLength(1);
    expect(log.recorded()).toBe(2);
  });
});
