import { describe, expect, it } from 'vitest';
import { actionIdPattern, ACTIONS } from '../../../src/bot/interaction-ids';
import { buildAppHome } from '../../../src/bot/views/app-home';
import { SUBSCRIPTION_STATUSES } from '../../../src/mesh/domain/subscription-status';
import { expectWithinSlackLimits } from '../blocks/slack-limits-check';
import type { MeshAccount } from '../../../src/mesh/domain/mesh-account';
import { ADA, CASEY, HOSTILE, NOW, PAT, TELCO, telcoSubscription } from '../blocks/telco-fixtures';

const withId = (i: number) => `01JDB7Q3M8ZP4X9V2N6KT${String(i).padStart(5, '0')}`;

describe('buildAppHome', () => {
  it('shows an owner what waits for approval, with the decision buttons, and their products', () => {
    const view = buildAppHome({ user: PAT, waiting: { items: [telcoSubscription('PENDING')] }, products: { items: [TELCO] }, subscriptions: { items: [] }, now: NOW });
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'home');
    const ids = [...JSON.stringify(view.blocks).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.filter((id) => actionIdPattern(ACTIONS.approve).test(id))).toHaveLength(1);
    expect(ids.some((id) => actionIdPattern(ACTIONS.requestAccess).test(id))).toBe(false);
  });

  it('shows a consumer their subscriptions with status and names to query, and a cancel on pending requests', () => {
    const items = SUBSCRIPTION_STATUSES.map((status, i) => ({ ...telcoSubscription(status), id: withId(i) }));
    const view = buildAppHome({ user: CASEY, waiting: { items: [] }, products: { items: [] }, subscriptions: { items }, now: NOW });
    expect(view).toMatchSnapshot();
    expectWithinSlackLimits(view, 'home');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('Nothing waits for you');
    expect(json).toContain('You own no data product');
    expect(json).toContain(`"action_id":"${ACTIONS.cancel}:${withId(0)}"`);
    expect(json).toContain(`"action_id":"${ACTIONS.revoke}:${withId(2)}"`);
  });

  it('says what to do in every empty section', () => {
    const view = buildAppHome({ user: CASEY, waiting: { items: [] }, products: { items: [] }, subscriptions: { items: [] }, now: NOW });
    expectWithinSlackLimits(view, 'home');
    expect(JSON.stringify(view.blocks)).toContain('You have no subscription yet');
  });

  it('caps 1,000 items per section with "and N more" and stays within 100 blocks', () => {
    const subs = Array.from({ length: 1000 }, (_, i) => ({ ...telcoSubscription('PENDING'), id: withId(i), justification: HOSTILE.repeat(60) }));
    const products = Array.from({ length: 1000 }, (_, i) => ({ ...TELCO, id: `p${i}`, name: HOSTILE }));
    const view = buildAppHome({ user: PAT, waiting: { items: subs.slice(0, 20), total: 1000 }, products: { items: products }, subscriptions: { items: subs }, now: NOW });
    expectWithinSlackLimits(view, 'home');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('and 990 more — use `/mesh pending`');
    expect(json).toContain('and 990 more — use `/mesh products`');
    expect(json).not.toContain('<!channel>');
  });

  it('draws only the sections given: a consumer alone sees no owner or admin section', () => {
    const view = buildAppHome({ user: CASEY, subscriptions: { items: [telcoSubscription('ACTIVE')] }, now: NOW });
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('My subscriptions and requests (1)');
    expect(json).not.toContain('Waiting for your approval');
    expect(json).not.toContain('My products');
    expect(json).not.toContain('Mesh accounts');
  });

  it('tells someone no section applies to whom to ask to be mapped', () => {
    const view = buildAppHome({ user: CASEY, meshAdmins: [ADA], now: NOW });
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('You act for no account in the mesh yet');
    expect(json).toContain('ask <@U0ADMIN> to map you');
    expect(json).not.toContain('Nothing waits for you');
  });

  it('shows owners who has access to each product, and says when no one has', () => {
    const other = { ...TELCO, id: 'other-111111111111', name: 'Other' };
    const access = new Map([
      [TELCO.id, { items: [telcoSubscription('ACTIVE')] }],
      [other.id, { items: [] }],
    ]);
    const json = JSON.stringify(buildAppHome({ user: PAT, waiting: { items: [] }, products: { items: [TELCO, other] }, access, now: NOW }).blocks);
    expect(json).toContain('Access (1 subscription): `999999999999` for <@U0CONSUMER>: SELECT');
    expect(json).toContain('No one has access yet.');
  });

  it('shows a mesh admin the accounts with who acts for each, capped with the command that lists them all', () => {
    const account = (i: number): MeshAccount => ({
      accountId: String(100000000000 + i),
      producer: i % 2 === 0,
      consumer: i % 2 === 1,
      enabledBy: ADA,
      enabledAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      version: 1,
    });
    const accounts = Array.from({ length: 15 }, (_, i) => account(i));
    const mappings = [{ user: PAT, personas: [{ accountId: '100000000000', kind: 'producer' as const }], updatedAt: NOW.toISOString(), version: 1 }];
    const view = buildAppHome({ user: ADA, admin: { accounts: { items: accounts }, mappings }, now: NOW });
    expectWithinSlackLimits(view, 'home');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('Mesh accounts (15)');
    expect(json).toContain('1 person mapped to accounts');
    expect(json).toContain('`100000000000` · *producer*\\nacting for it: <@U0PRODUCER> producer');
    expect(json).toContain('`100000000001` · *consumer*\\n_nobody acts for it yet:_');
    expect(json).toContain('and 5 more — use `/mesh admin accounts`');
  });

  it('says a list read only in part is longer than counted', () => {
    const json = JSON.stringify(buildAppHome({ user: ADA, waiting: { items: [telcoSubscription('PENDING')], complete: false }, now: NOW }).blocks);
    expect(json).toContain('Waiting for your approval (1+)');
    expect(json).toContain('and more — use `/mesh pending`');
  });

  it('stays within 100 blocks for someone holding every persona, each section full', () => {
    const subs = Array.from({ length: 1000 }, (_, i) => ({ ...telcoSubscription('ACTIVE'), id: withId(i), justification: HOSTILE.repeat(60) }));
    const products = Array.from({ length: 1000 }, (_, i) => ({ ...TELCO, id: `p${i}`, name: HOSTILE }));
    const access = new Map(products.map((p) => [p.id, { items: subs, total: 5000 }]));
    const accounts = Array.from({ length: 1000 }, (_, i): MeshAccount => ({ accountId: String(100000000000 + i), producer: true, consumer: true, enabledBy: ADA, enabledAt: NOW.toISOString(), updatedAt: NOW.toISOString(), version: 1 }));
    const view = buildAppHome({ user: ADA, waiting: { items: subs }, products: { items: products }, access, subscriptions: { items: subs }, admin: { accounts: { items: accounts }, mappings: [] }, now: NOW });
    expectWithinSlackLimits(view, 'home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('and 990 more — use `/mesh admin accounts`');
    expect(json).toContain('and 4,995 more — `/mesh subscriptions product p0`');
  });
});
