import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../../src/bot/interaction-ids';
import { buildDenyModal, DENY_BLOCKS } from '../../../src/bot/views/deny-modal';
import { buildLoadingModal } from '../../../src/bot/views/loading-modal';
import { parseDenyModal, parseRevokeModal } from '../../../src/bot/views/parse-reason-modal';
import { buildRevokeModal, REVOKE_BLOCKS } from '../../../src/bot/views/revoke-modal';
import { expectWithinSlackLimits } from '../blocks/slack-limits-check';
import { HOSTILE, SUB_ID, TELCO, telcoSubscription } from '../blocks/telco-fixtures';
import { submittedState } from './modal-state';

describe('deny modal', () => {
  const view = buildDenyModal({ subscription: telcoSubscription('PENDING'), product: TELCO });

  it('shows the request in brief and asks why', () => {
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'modal');
    expect(view.callback_id).toBe(VIEWS.deny);
  });

  it('parses the reason, trimmed', () => {
    expect(parseDenyModal(submittedState(view, { [DENY_BLOCKS.reason]: ' Personal data \n' }), view.private_metadata)).toEqual({ ok: true, value: { subscriptionId: SUB_ID, reason: 'Personal data' } });
  });

  it('requires a reason', () => {
    expect(parseDenyModal(submittedState(view, { [DENY_BLOCKS.reason]: ' ' }), view.private_metadata)).toEqual({ ok: false, errors: { [DENY_BLOCKS.reason]: 'Tell the requester why — they will read it.' } });
  });
});

describe('revoke modal', () => {
  const view = buildRevokeModal({ subscription: telcoSubscription('ACTIVE'), product: TELCO });

  it('says what the consumer loses and what stops working', () => {
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'modal');
    expect(view.callback_id).toBe(VIEWS.revoke);
  });

  it('parses the reason, and requires one', () => {
    expect(parseRevokeModal(submittedState(view, { [REVOKE_BLOCKS.reason]: 'Campaign over' }), view.private_metadata)).toEqual({ ok: true, value: { subscriptionId: SUB_ID, reason: 'Campaign over' } });
    expect(parseRevokeModal(submittedState(view, { [REVOKE_BLOCKS.reason]: '' }), view.private_metadata)).toEqual({ ok: false, errors: { [REVOKE_BLOCKS.reason]: 'Say why access is revoked — the requester will read it.' } });
    expect(parseRevokeModal(submittedState(view, { [REVOKE_BLOCKS.reason]: 'x'.repeat(4097) }), view.private_metadata).ok).toBe(false);
    expect(parseRevokeModal(submittedState(view, { [REVOKE_BLOCKS.reason]: 'x' }), 'null').ok).toBe(false);
  });

  it('stays within limits for a hostile, huge subscription', () => {
    const base = telcoSubscription('ACTIVE');
    const tables = Array.from({ length: 100 }, (_, i) => `t${i}_${'z'.repeat(200)}`);
    const s = { ...base, tables, justification: HOSTILE.repeat(70).slice(0, 4096), links: tables.map((table) => ({ ...base.links[0]!, table })) };
    expectWithinSlackLimits(buildRevokeModal({ subscription: s }), 'modal');
    expectWithinSlackLimits(buildDenyModal({ subscription: s }), 'modal');
  });
});

describe('buildLoadingModal', () => {
  it('opens at once with the title of the modal it stands in for', () => {
    const view = buildLoadingModal({ title: 'Request access', text: 'Loading the tables of telco-111111111111…' });
    expectWithinSlackLimits(view, 'modal');
    expect(view).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "text": ":hourglass_flowing_sand: Loading the tables of telco-111111111111…",
              "type": "mrkdwn",
              "verbatim": true,
            },
            "type": "section",
          },
        ],
        "close": {
          "emoji": true,
          "text": "Cancel",
          "type": "plain_text",
        },
        "title": {
          "emoji": true,
          "text": "Request access",
          "type": "plain_text",
        },
        "type": "modal",
      }
    `);
    expectWithinSlackLimits(buildLoadingModal({ title: 'A title far longer than twenty-four characters' }), 'modal');
  });
});
