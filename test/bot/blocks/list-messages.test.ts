import { describe, expect, it } from 'vitest';
import { buildAccountListMessage } from '../../../src/bot/blocks/account-list-message';
import { buildErrorMessage } from '../../../src/bot/blocks/error-message';
import { buildHelpMessage } from '../../../src/bot/blocks/help-message';
import { md, mention } from '../../../src/bot/blocks/mrkdwn';
import { buildProductListMessage } from '../../../src/bot/blocks/product-list-message';
import { buildSubscriptionDetailMessage } from '../../../src/bot/blocks/subscription-detail-message';
import { buildSubscriptionListMessage } from '../../../src/bot/blocks/subscription-list-message';
import { buildWhoamiMessage } from '../../../src/bot/blocks/whoami-message';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import type { MeshAccount } from '../../../src/mesh/domain/mesh-account';
import { SUBSCRIPTION_STATUSES } from '../../../src/mesh/domain/subscription-status';
import { expectWithinSlackLimits } from './slack-limits-check';
import { ADA, CASEY, HOSTILE, NOW, PAT, TELCO, telcoSubscription } from './telco-fixtures';

const ALL_STATES = SUBSCRIPTION_STATUSES.map((status, i) => ({ ...telcoSubscription(status), id: `01JDB7Q3M8ZP4X9V2N6KTE5WA${'ABCDEFGHJ'[i]!}` }));

const ACCOUNTS: MeshAccount[] = [
  { accountId: '111111111111', producer: true, consumer: false, crossAccountVersion: 4, enabledBy: ADA, enabledAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z', version: 1 },
  { accountId: '999999999999', producer: false, consumer: true, enabledBy: ADA, enabledAt: '2026-11-02T08:00:00.000Z', updatedAt: '2026-11-02T08:00:00.000Z', version: 1 },
];

describe('buildProductListMessage', () => {
  it('lists search results with a keyed [Request access] per row and [Next page]', () => {
    const message = buildProductListMessage({ page: { items: [TELCO, { ...TELCO, id: 'retail-222222222222', name: 'Retail baskets', domain: undefined }], nextCursor: 'c2', total: 40 }, query: 'telco' });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message.blocks)).toContain(`"action_id":"${ACTIONS.nextPage}","value":"c2"`);
  });

  it('says what to do when nothing matches', () => {
    const message = buildProductListMessage({ page: { items: [] }, query: '<!here>' });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message.blocks)).toContain('No product matches `&lt;!here&gt;`');
  });

  it('shows 15 of 1,000 products within the limits', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ ...TELCO, id: `p${i}`, name: HOSTILE, description: HOSTILE.repeat(100) }));
    const message = buildProductListMessage({ page: { items, nextCursor: 'x'.repeat(2000) } });
    expectWithinSlackLimits(message, 'message');
    expect(message.blocks.filter((b) => b.type === 'section')).toHaveLength(15);
  });

  it('offers no [Next page] for a cursor too long for a button value', () => {
    const message = buildProductListMessage({ page: { items: [TELCO], nextCursor: 'x'.repeat(2001) } });
    expect(JSON.stringify(message.blocks)).not.toContain(ACTIONS.nextPage);
  });
});

describe('buildSubscriptionListMessage', () => {
  it('shows every status with its emoji and key facts', () => {
    const message = buildSubscriptionListMessage({ title: 'Subscriptions to telco-111111111111', page: { items: ALL_STATES }, emptyText: 'none', now: NOW });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
  });

  it('pages 1,000 subscriptions 15 at a time', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ALL_STATES[i % ALL_STATES.length]!);
    const message = buildSubscriptionListMessage({ title: 'Pending', page: { items, nextCursor: 'cursor-2', total: 1000 }, emptyText: 'none', now: NOW });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message.blocks)).toContain('Showing 15 of 1,000 subscriptions');
  });

  it('says what to do when empty', () => {
    const message = buildSubscriptionListMessage({ title: 'My subscriptions', page: { items: [] }, emptyText: 'You have none yet: /mesh request <product>.', now: NOW });
    expect(JSON.stringify(message.blocks)).toContain('/mesh request &lt;product&gt;');
  });
});

describe('buildSubscriptionDetailMessage', () => {
  it.each(['ACTIVE', 'FAILED', 'REVOKED'] as const)('shows all facts and the history of a %s subscription', (status) => {
    const message = buildSubscriptionDetailMessage({ subscription: telcoSubscription(status), product: TELCO });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
  });

  it('keeps the latest events of a 500-event history', () => {
    const base = telcoSubscription('ACTIVE');
    const modify = { at: '2026-11-26T09:00:00.000Z', actor: PAT, event: 'modify' as const, from: 'ACTIVE' as const, to: 'ACTIVE' as const, note: HOSTILE.repeat(50) };
    const message = buildSubscriptionDetailMessage({ subscription: { ...base, history: [...base.history, ...Array.from({ length: 500 }, () => modify)] } });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message.blocks)).toMatch(/\d+ earlier events not shown/);
  });
});

describe('buildWhoamiMessage', () => {
  it('lists personas by kind', () => {
    const identity = { user: CASEY, personas: [{ accountId: '999999999999', kind: 'consumer' as const }], updatedAt: '2026-11-01T08:00:00.000Z', updatedBy: ADA, version: 1 };
    const message = buildWhoamiMessage({ user: CASEY, identity, meshAdmin: false });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
  });

  it('tells an unmapped user what to do', () => {
    const message = buildWhoamiMessage({ user: ADA, identity: undefined, meshAdmin: true });
    expect(JSON.stringify(message.blocks)).toContain('Ask a mesh admin to map you');
    expect(JSON.stringify(message.blocks)).toContain('mesh admin*');
  });
});

describe('buildAccountListMessage', () => {
  it('lists accounts with roles and who enabled them', () => {
    const message = buildAccountListMessage({ items: ACCOUNTS });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
  });
});

describe('buildHelpMessage', () => {
  it('renders the usage text under a header', () => {
    const message = buildHelpMessage('*Consumers*\n`/mesh request <product>` — ask for access\n`/mesh subscriptions` — what you have');
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
  });

  it('shows the usage text with < and > escaped, split into sections', () => {
    const usage = ['*Consumers*', '`/mesh request <product> [tables] [permissions]` — ask for access', ...Array.from({ length: 200 }, (_, i) => `\`/mesh cmd${i} <arg>\` — does thing ${i}`)].join('\n');
    const message = buildHelpMessage(usage);
    expectWithinSlackLimits(message, 'message');
    expect(message.blocks.length).toBeGreaterThan(3);
    expect(JSON.stringify(message.blocks)).toContain('`/mesh request &lt;product&gt; [tables] [permissions]`');
  });
});

describe('buildErrorMessage', () => {
  it('says why, what to do, and the reference', () => {
    const message = buildErrorMessage({ message: 'you are not an owner of product telco-111111111111', hint: md`ask an owner (${mention(PAT)}) or a mesh admin`, reference: 'req-42' });
    expect(message).toMatchSnapshot();
    expectWithinSlackLimits(message, 'message');
  });

  it('escapes hostile strings', () => {
    const message = buildErrorMessage({ message: `${HOSTILE} is not a Glue name`, hint: HOSTILE });
    expectWithinSlackLimits(message, 'message');
    expect(JSON.stringify(message)).not.toContain('<!channel>');
  });
});
