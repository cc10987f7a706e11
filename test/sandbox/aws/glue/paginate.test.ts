import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate } from '../../../../src/sandbox/aws/paging/page';

describe('paginate', () => {
  it('returns every item exactly once, in order, in pages of at most the page size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), fc.integer({ min: 1, max: 120 }), (items, size) => {
        const seen: number[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const page = paginate(items, { scope: 'Test', token, size, badTokenCode: 'InvalidInputException' });
          expect(page.items.length).toBeLessThanOrEqual(size);
          seen.push(...page.items);
          token = page.nextToken;
          pages += 1;
        } while (token !== undefined);
        expect(seen).toEqual(items);
        expect(pages).toBe(Math.max(1, Math.ceil(items.length / size)));
      }),
    );
  });

  it("refuses another list's token", () => {
    const { nextToken } = paginate([1, 2, 3], { scope: 'A', token: undefined, size: 1, badTokenCode: 'InvalidInputException' });
    expect(() => paginate([1, 2, 3], { scope: 'B', token: nextToken, size: 1, badTokenCode: 'InvalidInputException' })).toThrow('pagination token');
  });
});
