import { describe, expect, it } from 'vitest';
import { buildAccessRequestMessage } from '../../../src/bot/blocks/access-request-message';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../../../src/mesh/domain/subscription-status';
import { expectWithinSlackLimits } from './slack-limits-check';
import { HOSTILE, NOW, SUB_ID, TELCO, telcoSubscription } from './telco-fixtures';

const actionIds = (message: { blocks: unknown[] }): string[] => [...JSON.stringify(message.blocks).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]!);

const BUTTONS: Record<SubscriptionStatus, string[]> = {
  PENDING: [ACTIONS.approve, ACTIONS.approveWithChanges, ACTIONS.deny],
  GRANTING: [],
  ACTIVE: [ACTIONS.modify, ACTIONS.revoke],
  MODIFYING: [],
  FAILED: [ACTIONS.retry],
  DENIED: [],
  CANCELLED: [],
  EXPIRED: [],
  REVOKING: [],
  REVOKED: [],
};

describe('buildAccessRequestMessage', () => {
  it.each(SUBSCRIPTION_STATUSES)('renders %s for the owner, with buttons only where an action is possible', (status) => {
    const message = buildAccessRequestMessage({ subscription: telcoSubscription(status), product: TELCO, recipient: 'owner', now: NOW });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
    expect(actionIds(message)).toEqual(BUTTONS[status]);
  });

  it('tells an admin why they got it', () => {
    const message = buildAccessRequestMessage({ subscription: telcoSubscription('PENDING'), product: TELCO, recipient: 'admin', now: NOW });
    expect(JSON.stringify(message.blocks)).toContain('because you are a mesh admin');
  });

  it('confirms [Approve] with a summary of the grant, and every button carries the subscription id', () => {
    const message = buildAccessRequestMessage({ subscription: telcoSubscription('PENDING'), product: TELCO, recipient: 'owner', now: NOW });
    const actions = message.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' && actions.elements.map((e) => ('value' in e ? e.value : undefined))).toEqual([SUB_ID, SUB_ID, SUB_ID]);
    expect(JSON.stringify(actions)).toContain('Account 999999999999 gets SELECT on 2 tables of telco-111111111111 (all columns).');
  });

  it('shows the names to query once active, quoted for SQL', () => {
    const message = buildAccessRequestMessage({ subscription: telcoSubscription('ACTIVE'), product: TELCO, recipient: 'owner', now: NOW });
    expect(JSON.stringify(message.blocks)).toContain('\\"telco-111111111111\\".\\"usecase1_cell_kpis\\"');
  });

  it('keeps a 4,096-character hostile reason whole across sections, escaped', () => {
    const justification = `${HOSTILE} `.repeat(80).slice(0, 4096);
    const message = buildAccessRequestMessage({ subscription: { ...telcoSubscription('PENDING'), justification }, product: TELCO, recipient: 'owner', now: NOW });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message)).not.toMatch(/<!channel>|<@U1>|<https/);
  });

  it('stays within limits with 100 tables, 100 failed entries and long error messages', () => {
    const base = telcoSubscription('FAILED');
    const tables = Array.from({ length: 100 }, (_, i) => `t${i}_${'x'.repeat(200)}`);
    const plan = tables.map((t, i) => ({ ...base.plan[0]!, Id: `e${i}`, Resource: { Table: { CatalogId: '555555555555', DatabaseName: 'db', Name: t } } }));
    const results = Object.fromEntries(
      plan.map((e) => [e.Id, { entryId: e.Id, operation: 'grant' as const, outcome: 'FAILED' as const, errorCode: 'ConcurrentModificationException', errorMessage: HOSTILE.repeat(40), at: base.createdAt }]),
    );
    const message = buildAccessRequestMessage({ subscription: { ...base, tables, plan, results }, product: TELCO, recipient: 'owner', now: NOW });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message.blocks)).toContain('+95 more');
  });
});
