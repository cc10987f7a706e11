import { describe, expect, it } from 'vitest';
import { buildRequestStatusNotice } from '../../../src/bot/blocks/request-status-notice';
import { expectWithinSlackLimits } from './slack-limits-check';
import { HOSTILE, TELCO, telcoSubscription } from './telco-fixtures';

describe('buildRequestStatusNotice', () => {
  it('says in one line where the request stands, pointing to the newest message for the details', () => {
    const notice = buildRequestStatusNotice(telcoSubscription('ACTIVE'), TELCO);

    expect(notice.text).toBe('Your request 01JDB7Q3M8ZP4X9V2N6KTE5WAC is Active');
    expect(JSON.stringify(notice.blocks)).toContain('— details in the newest message.');
    expect(notice.blocks).toHaveLength(2);
    expectWithinSlackLimits(notice, 'message');
  });

  it('says a cancelled request was cancelled, and escapes the product name', () => {
    const notice = buildRequestStatusNotice(telcoSubscription('CANCELLED'), { ...TELCO, name: HOSTILE });

    expect(JSON.stringify(notice.blocks)).toContain('was cancelled.');
    expectWithinSlackLimits(notice, 'message');
  });
});
