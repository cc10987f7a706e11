import { describe, expect, it } from 'vitest';
import { buildProductCard } from '../../../src/bot/blocks/product-card';
import { productRow } from '../../../src/bot/blocks/product-list-message';
import { productNamePlain, productNameText } from '../../../src/bot/blocks/product-name';
import { textOf } from '../commands-flow/command-flow';
import { TELCO } from './telco-fixtures';

describe('the product named once', () => {
  const unnamed = { ...TELCO, name: TELCO.id };

  it('shows the id beside the name only when they differ', () => {
    expect(productNameText(TELCO)).toBe(`*${TELCO.name}* \`${TELCO.id}\``);
    expect(productNameText(unnamed)).toBe(`\`${TELCO.id}\``);
    expect(productNamePlain(TELCO)).toBe(`${TELCO.name} (${TELCO.id})`);
    expect(productNamePlain(unnamed)).toBe(TELCO.id);
  });

  it('never repeats a product named by its id in its list row or card', () => {
    const row = textOf(productRow(unnamed));
    expect(row.split(TELCO.id)).toHaveLength(2);
    // The header names it; the context line under the card and the notification text do not say it again.
    const context = (product: typeof TELCO): string => textOf(buildProductCard(product).blocks.filter((b) => b.type === 'context'));
    expect(context(unnamed)).not.toContain(TELCO.id);
    expect(context(TELCO)).toContain(TELCO.id);
    expect(buildProductCard(unnamed).text.split(TELCO.id)).toHaveLength(2);
  });
});
