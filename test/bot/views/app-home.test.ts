import { describe, expect, it } from 'vitest';
import { actionIdPattern, ACTIONS } from '../../../src/bot/interaction-ids';
import { buildAppHome } from '../../../src/bot/views/app-home';
import { SUBSCRIPTION_STATUSES } from '../../../src/mesh/domain/subscription-status';
import { expectWithinSlackLimits } from '../blocks/slack-limits-check';
import { CASEY, HOSTILE, NOW, PAT, TELCO, telcoSubscription } from '../blocks/telco-fixtures';

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
});
