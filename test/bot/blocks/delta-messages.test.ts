import { describe, expect, it } from 'vitest';
import { buildChangeDoneMessage } from '../../../src/bot/blocks/change-done-message';
import { buildRequestOutcomeMessage } from '../../../src/bot/blocks/request-outcome-message';
import { buildRequestStatusNotice } from '../../../src/bot/blocks/request-status-notice';
import { buildSubscriptionDetailMessage } from '../../../src/bot/blocks/subscription-detail-message';
import type { AccessDelta } from '../../../src/mesh/domain/access-delta';
import type { HistoryEntry, Subscription } from '../../../src/mesh/domain/subscription';
import { expectWithinSlackLimits } from './slack-limits-check';
import { ADA, HOSTILE, PAT, TELCO, telcoSubscription } from './telco-fixtures';

// What the requester reads when the access they get is not what they asked for, or changes.

const NARROWED: AccessDelta = {
  permissions: { added: [], removed: ['DESCRIBE'] },
  columns: { before: { kind: 'include', names: ['customer_id', 'cell_id'] }, after: { kind: 'include', names: ['customer_id'] }, added: [], removed: ['cell_id'] },
};

/** The fixture with the delta set on its last entry of `event`. */
function withDelta(subscription: Subscription, event: HistoryEntry['event'], delta: AccessDelta): Subscription {
  const index = subscription.history.findLastIndex((entry) => entry.event === event);
  return { ...subscription, history: subscription.history.map((entry, i) => (i === index ? { ...entry, delta } : entry)) };
}

const text = (message: { text: string; blocks: readonly unknown[] }): string => `${message.text}\n${JSON.stringify(message.blocks)}`;

/** ACTIVE after a modify by Pat that dropped DESCRIBE and cell_id, with a reason. */
function modifiedActive(note = 'cell ids are personal data now'): Subscription {
  const active = telcoSubscription('ACTIVE');
  const modify: HistoryEntry = { at: '2026-11-28T09:00:00.000Z', actor: PAT, event: 'modify', from: 'ACTIVE', to: 'MODIFYING', note, delta: NARROWED };
  const done: HistoryEntry = { at: '2026-11-28T09:00:04.000Z', actor: { system: 'modify-job' }, event: 'modify-succeeded', from: 'MODIFYING', to: 'ACTIVE' };
  return { ...active, columns: { kind: 'include', names: ['customer_id'] }, decisionNotes: note, version: 5, history: [...active.history, modify, done] };
}

describe('the granted DM of an approval with changes', () => {
  it('names what was not granted though requested, the column narrowing and the approver’s notes', () => {
    const approved = { ...withDelta(telcoSubscription('ACTIVE'), 'approve', NARROWED), decisionNotes: 'Read only, one column' };
    const message = buildRequestOutcomeMessage({ subscription: approved, product: TELCO });
    const shown = text(message);

    expect(shown).toContain('Access granted');
    expect(shown).toContain('*Not as you asked:*\\n• Not granted, though requested: DESCRIBE\\n• Columns: requested only `customer_id`, `cell_id`, granted only `customer_id`');
    expect(shown).toContain('Read only, one column');
    expectWithinSlackLimits(message, 'message');
  });

  it('says nothing of differences when the approval gave what was asked', () => {
    expect(text(buildRequestOutcomeMessage({ subscription: telcoSubscription('ACTIVE'), product: TELCO }))).not.toContain('Not as you asked');
  });
});

describe('the DM when a modify completes', () => {
  it('says who changed what and why — no second "Access granted" with the old approval time', () => {
    const message = buildRequestOutcomeMessage({ subscription: modifiedActive(), product: TELCO });
    const shown = text(message);

    expect(message.text).toBe('Your access to Telco network KPIs was changed');
    expect(shown).toContain('was *changed* by <@U0PRODUCER>');
    expect(shown).toContain('• − DESCRIBE\\n• columns only `customer_id`, `cell_id` → only `customer_id`');
    expect(shown).toContain('cell ids are personal data now');
    expect(shown).toContain('*Now:* *Granted:* SELECT');
    expect(shown).not.toContain('Access granted');
    expect(shown).not.toContain('approved by');
    expectWithinSlackLimits(message, 'message');
  });

  it('escapes the reason and stays within Slack limits with a long one', () => {
    const message = buildRequestOutcomeMessage({ subscription: modifiedActive(HOSTILE.repeat(60).slice(0, 4096)), product: TELCO });
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expectWithinSlackLimits(message, 'message');
  });

  it('a modify that could not be made says so, with what it was to change', () => {
    const active = modifiedActive();
    const failed: Subscription = {
      ...telcoSubscription('FAILED'),
      history: [...active.history.slice(0, -1), { at: '2026-11-28T09:00:04.000Z', actor: { system: 'modify-job' }, event: 'grant-failed', from: 'MODIFYING', to: 'FAILED' }],
    };
    const shown = text(buildRequestOutcomeMessage({ subscription: failed, product: TELCO }));
    expect(shown).toContain('your access to *Telco network KPIs* was being changed by <@U0PRODUCER> (− DESCRIBE; columns only `customer_id`, `cell_id` → only `customer_id`), but 1 of 2 grants failed');
  });
});

describe('the DM of a revoke', () => {
  it('says what was removed, by whom and why', () => {
    const revoked = withDelta(telcoSubscription('REVOKED'), 'revoke', {
      permissions: { added: [], removed: ['SELECT'] },
      tables: { added: [], removed: TELCO.tables },
      grantOption: { added: [], removed: ['SELECT'] },
    });
    const shown = text(buildRequestOutcomeMessage({ subscription: revoked, product: TELCO }));

    expect(shown).toContain('was *revoked* by <@U0ADMIN>');
    expect(shown).toContain('*Removed:* SELECT on 2 tables: `usecase1_cell_kpis`, `usecase2_customer_churn` (and the grant option on SELECT)');
    expect(shown).toContain('Q4 campaign ended');
  });
});

describe('the "request sent" notice', () => {
  it('says the approval came with changes, or who changed the access since', () => {
    expect(text(buildRequestStatusNotice(withDelta(telcoSubscription('ACTIVE'), 'approve', NARROWED), TELCO))).toContain(', approved with changes — details in the newest message.');
    expect(text(buildRequestStatusNotice(modifiedActive(), TELCO))).toContain(', changed by <@U0PRODUCER> — details in the newest message.');
    expect(text(buildRequestStatusNotice(telcoSubscription('ACTIVE'), TELCO))).toContain('(account `999999999999`) — details in the newest message.');
  });
});

describe('the subscription view', () => {
  it('shows each history entry’s delta', () => {
    const approved = withDelta(modifiedActive(), 'approve', { permissions: { added: [], removed: ['INSERT'] } });
    const revoking: Subscription = {
      ...approved,
      status: 'REVOKING',
      history: [...approved.history, { at: '2026-12-01T09:00:00.000Z', actor: ADA, event: 'revoke', from: 'ACTIVE', to: 'REVOKING', note: 'ended', delta: { permissions: { added: [], removed: ['SELECT'] } } }],
    };
    const message = buildSubscriptionDetailMessage({ subscription: revoking, product: TELCO });
    const shown = text(message);

    expect(shown).toContain('*Approved* by <@U0PRODUCER> (Pending → Granting): not as requested, − INSERT');
    expect(shown).toContain('*Modified* by <@U0PRODUCER> (Active → Modifying): − DESCRIBE; columns only `customer_id`, `cell_id` → only `customer_id` — _cell ids are personal data now_');
    expect(shown).toContain('*Revoke requested* by <@U0ADMIN> (Active → Revoking): − SELECT — _ended_');
    expectWithinSlackLimits(message, 'message');
  });
});

describe('the notice to whoever modified or revoked by command, once done', () => {
  it('says what changed and what the subscription gives now, or what went, and that the requester was told', () => {
    const changed = text(buildChangeDoneMessage({ subscription: modifiedActive(), product: TELCO }));
    expect(changed).toContain('Changed subscription `01JDB7Q3M8ZP4X9V2N6KTE5WAC` (*Telco network KPIs* for account `999999999999`): − DESCRIBE; columns only `customer_id`, `cell_id` → only `customer_id`.');
    expect(changed).toContain('*Now:* *Granted:* SELECT · *columns:* only `customer_id`. <@U0CONSUMER> was told.');

    const revoked = withDelta(telcoSubscription('REVOKED'), 'revoke', { permissions: { added: [], removed: ['SELECT'] }, tables: { added: [], removed: TELCO.tables } });
    expect(text(buildChangeDoneMessage({ subscription: revoked, product: TELCO }))).toContain('— removed SELECT on 2 tables: `usecase1_cell_kpis`, `usecase2_customer_churn`. <@U0CONSUMER> was told, with your reason.');

    const failed = text(buildChangeDoneMessage({ subscription: telcoSubscription('FAILED'), product: TELCO }));
    expect(failed).toContain('is not complete: 1 of 2 grants failed. Retry it with `/mesh retry 01JDB7Q3M8ZP4X9V2N6KTE5WAC`');

    // `/mesh retry` says how it went, not a change of the grants it never made.
    const retried = text(buildChangeDoneMessage({ subscription: modifiedActive(), product: TELCO, asked: 'retry' }));
    expect(retried).toContain('Retried subscription `01JDB7Q3M8ZP4X9V2N6KTE5WAC`');
    expect(retried).toContain('it is Active');
    expect(retried).not.toContain('Changed');
    expect(text(buildChangeDoneMessage({ subscription: telcoSubscription('FAILED'), product: TELCO, asked: 'retry' }))).toContain('The retry of subscription');
  });
});
