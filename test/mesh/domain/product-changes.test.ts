import { describe, expect, it } from 'vitest';
import { productChanges } from '../../../src/mesh/domain/product-changes';
import { ADA, PAT, TELCO } from '../../bot/blocks/telco-fixtures';

describe('productChanges', () => {
  const product = { ...TELCO, owners: [PAT, ADA] };
  const [first, second] = [PAT, ADA];

  it('sees no change in what a publish leaves out or repeats (owners and permissions as sets)', () => {
    expect(productChanges(product, {})).toEqual([]);
    expect(productChanges(product, { owners: [second, first, first], offeredPermissions: [...product.offeredPermissions].reverse(), name: product.name })).toEqual([]);
  });

  it('names each setting that changes, with before and after in words', () => {
    expect(productChanges(product, { owners: [first], publicMetadata: false, syncEveryHours: 0 })).toEqual([
      { setting: 'owners', before: product.owners.map((o) => o.userId).join(', '), after: first.userId },
      { setting: 'publicMetadata', before: 'true', after: 'false' },
      { setting: 'syncEveryHours', before: String(product.syncEveryHours), after: '0' },
    ]);
  });
});
