import { describe, expect, it } from 'vitest';
import { buildAlreadyDecidedMessage } from '../../../src/bot/blocks/already-decided-message';
import { buildConfirmationMessage } from '../../../src/bot/blocks/confirmation-message';
import { md, mention } from '../../../src/bot/blocks/mrkdwn';
import { buildPendingReminderMessage } from '../../../src/bot/blocks/pending-reminder-message';
import { buildRequestOutcomeMessage } from '../../../src/bot/blocks/request-outcome-message';
import { buildRequestReceivedMessage } from '../../../src/bot/blocks/request-received-message';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { SUBSCRIPTION_STATUSES } from '../../../src/mesh/domain/subscription-status';
import { expectWithinSlackLimits } from './slack-limits-check';
import { CASEY, HOSTILE, NOW, SUB_ID, TELCO, telcoSubscription } from './telco-fixtures';

describe('buildRequestReceivedMessage', () => {
  it('gives the id, what happens next and a [Cancel request] with a confirm dialog', () => {
    const message = buildRequestReceivedMessage({ subscription: telcoSubscription('PENDING'), product: TELCO, now: NOW });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
    const json = JSON.stringify(message.blocks);
    expect(json).toContain(`"action_id":"${ACTIONS.cancel}"`);
    expect(json).toContain(`/mesh subscription ${SUB_ID}`);
    expect(json).toContain('What happens next');
  });
});

describe('buildRequestOutcomeMessage', () => {
  it.each(SUBSCRIPTION_STATUSES)('tells the requester about %s', (status) => {
    const message = buildRequestOutcomeMessage({ subscription: telcoSubscription(status), product: TELCO });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
  });

  it('gives the names to query in a copyable code block once active', () => {
    const message = buildRequestOutcomeMessage({ subscription: telcoSubscription('ACTIVE'), product: TELCO });
    const text = message.blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '')).join('\n');
    expect(text).toContain('```"telco-111111111111"."usecase1_cell_kpis"\n"telco-111111111111"."usecase2_customer_churn"```');
  });

  it('names the roles that can query, or says nobody can and how a mesh admin names them', () => {
    const named = JSON.stringify(buildRequestOutcomeMessage({ subscription: telcoSubscription('ACTIVE'), product: TELCO }).blocks);
    expect(named).toContain('*Who can query:* `Analyst`, `Reporting`');
    const none = JSON.stringify(buildRequestOutcomeMessage({ subscription: { ...telcoSubscription('ACTIVE'), queryPrincipals: [] }, product: TELCO }).blocks);
    expect(none).toContain('nobody in it can query until a mesh admin names its query roles (`/mesh admin enable 999999999999 consumer --query-roles &lt;role,…&gt;`)');
  });

  it('says the links are still being created when none are recorded yet', () => {
    const message = buildRequestOutcomeMessage({ subscription: { ...telcoSubscription('ACTIVE'), links: [] }, product: TELCO });
    expect(JSON.stringify(message.blocks)).toContain('still being created');
  });

  it('says a granted request waits for AWS RAM to deliver the share, not that it is being granted', () => {
    const granting = telcoSubscription('GRANTING');
    const waiting = {
      ...granting,
      history: [...granting.history, { at: NOW.toISOString(), actor: { system: 'grant-job' }, event: 'share-pending' as const, from: 'GRANTING' as const, to: 'GRANTING' as const, note: 'the RAM share of the grant has not reached account 999999999999 yet' }],
    };
    const text = JSON.stringify(buildRequestOutcomeMessage({ subscription: waiting, product: TELCO }).blocks);
    expect(text).toContain('AWS RAM has not yet delivered the share to account `999999999999`');
    expect(text).not.toContain('granting now');
    expect(JSON.stringify(buildRequestOutcomeMessage({ subscription: granting, product: TELCO }).blocks)).toContain('granting now');
  });

  it('quotes the denial reason escaped', () => {
    const message = buildRequestOutcomeMessage({ subscription: { ...telcoSubscription('DENIED'), decisionNotes: HOSTILE }, product: TELCO });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt;');
  });

  it('caps 1,000 names to query', () => {
    const base = telcoSubscription('ACTIVE');
    const links = Array.from({ length: 1000 }, (_, i) => ({ ...base.links[0]!, table: `t${i}_${'y'.repeat(100)}` }));
    const message = buildRequestOutcomeMessage({ subscription: { ...base, links }, product: TELCO });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message.blocks)).toMatch(/\+9\d\d more/);
  });
});

describe('buildPendingReminderMessage', () => {
  it('says how long the request has waited and repeats the decision buttons', () => {
    const message = buildPendingReminderMessage({ subscription: telcoSubscription('PENDING'), product: TELCO, recipient: 'owner', now: NOW });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
    expect(message.text).toBe('Reminder: <@U0CONSUMER> has waited 2 days for access to Telco network KPIs');
  });
});

describe('buildConfirmationMessage', () => {
  it('escapes plain strings and keeps md text with mentions', () => {
    expect(buildConfirmationMessage('Request <@U1> cancelled.')).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "text": ":white_check_mark: Request &lt;@U1&gt; cancelled.",
              "type": "mrkdwn",
              "verbatim": true,
            },
            "type": "section",
          },
        ],
        "text": "Request &lt;@U1&gt; cancelled.",
      }
    `);
    const message = buildConfirmationMessage(md`Denied; ${mention(CASEY)} is told.`, 'They can ask again.');
    expectWithinSlackLimits(message, 'message');
    expect(message.text).toBe('Denied; <@U0CONSUMER> is told.');
  });
});

describe('buildAlreadyDecidedMessage', () => {
  it('names who decided, when, and the status now', () => {
    const message = buildAlreadyDecidedMessage(telcoSubscription('ACTIVE'));
    expectWithinSlackLimits(message, 'message');
    expect(message.blocks[0]).toMatchInlineSnapshot(`
      {
        "text": {
          "text": ":information_source: Already decided by <@U0PRODUCER> <!date^1795529100^{date_short_pretty} at {time}|2026-11-24 14:05 UTC>: request \`01JDB7Q3M8ZP4X9V2N6KTE5WAC\` is now :large_green_circle: *Active*. Nothing more to do here.",
          "type": "mrkdwn",
          "verbatim": true,
        },
        "type": "section",
      }
    `);
  });

  it('names the requester of a cancelled request', () => {
    expect(JSON.stringify(buildAlreadyDecidedMessage(telcoSubscription('CANCELLED')).blocks)).toContain('by <@U0CONSUMER>');
  });
});
