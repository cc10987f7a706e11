import { describe, expect, it } from 'vitest';
import { buildProductCard } from '../../../src/bot/blocks/product-card';
import { ACTIONS } from '../../../src/bot/interaction-ids';
import { expectWithinSlackLimits } from './slack-limits-check';
import { HOSTILE, TELCO } from './telco-fixtures';

describe('buildProductCard', () => {
  it('announces the telco product with its facts and a primary [Request access] carrying the product id', () => {
    const card = buildProductCard(TELCO);
    expect(card).toMatchSnapshot();
    expectWithinSlackLimits(card, 'message');
    const button = JSON.stringify(card.blocks.find((b) => b.type === 'actions'));
    expect(button).toContain(`"action_id":"${ACTIONS.requestAccess}"`);
    expect(button).toContain('"value":"telco-111111111111"');
    expect(button).toContain('"style":"primary"');
  });

  it('lists at most a few of 100 tables and says how many more', () => {
    const tables = Array.from({ length: 100 }, (_, i) => `usecase${i}_table_with_a_rather_long_name`);
    const card = buildProductCard({ ...TELCO, tables });
    expectWithinSlackLimits(card, 'message');
    expect(JSON.stringify(card.blocks)).toContain('+92 more');
  });

  it('escapes a hostile description and domain, and cuts a 200-character name to the header limit', () => {
    const card = buildProductCard({ ...TELCO, name: 'N'.repeat(200), description: HOSTILE.repeat(200), domain: HOSTILE.slice(0, 100) });
    expectWithinSlackLimits(card, 'message');
    expect(JSON.stringify(card)).not.toContain('<!channel>');
  });
});
