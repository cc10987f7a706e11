import { describe, expect, it } from 'vitest';
import { readAllAwsPages } from '../../../src/mesh/aws/aws-pages';
import { AwsRefusedError } from '../../../src/mesh/errors';

describe('readAllAwsPages', () => {
  it('reads page after page, passing each next token, until a page has none', async () => {
    const tokens: (string | undefined)[] = [];
    const pages: Record<string, { items: number[]; next: string | undefined }> = { first: { items: [1, 2], next: 'b' }, b: { items: [], next: 'c' }, c: { items: [3], next: '' } };

    const items = await readAllAwsPages('list numbers', (token) => {
      tokens.push(token);
      return Promise.resolve(pages[token ?? 'first'] ?? { items: undefined, next: undefined });
    });

    expect(items).toEqual([1, 2, 3]);
    expect(tokens).toEqual([undefined, 'b', 'c']);
  });

  it('stops a listing whose tokens never end at the page cap, with AwsRefusedError saying what was listed', async () => {
    let calls = 0;
    const listing = readAllAwsPages(
      'list the tables of telco',
      () => {
        calls += 1;
        return Promise.resolve({ items: [calls], next: 'again' });
      },
      5,
    );

    await expect(listing).rejects.toBeInstanceOf(AwsRefusedError);
    await expect(listing).rejects.toMatchObject({ awsCode: 'PageLimitExceeded', message: 'AWS answered more than 5 pages to list the tables of telco; the listing was stopped there' });
    expect(calls).toBe(5);
  });
});
