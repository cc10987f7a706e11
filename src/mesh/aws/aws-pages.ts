import { AwsRefusedError } from '../errors';

/**
 * The most pages one listing reads: far beyond any catalog the mesh serves (10,000 pages of Glue's 100
 * tables or 1,000 partitions), so reaching it means a service answering with tokens that never end.
 */
export const MAX_PAGES = 10_000;

/** One page of an AWS listing: its items, and the token of the next page (absent or empty on the last). */
export interface AwsPage<T> {
  items: readonly T[] | undefined;
  next: string | undefined;
}

/**
 * Every item of a paginated AWS listing: `readPage` is called with each page's token (undefined for
 * the first) until a page has none. Each page is a call of its own, so the caller's retry of a
 * throttled page does not restart the listing. A listing longer than `maxPages` throws
 * AwsRefusedError (`PageLimitExceeded`) rather than looping forever.
 * @example await readAllAwsPages('list the tables of telco', async (token) => { const p = await send(token); return { items: p.TableList, next: p.NextToken }; })
 */
export async function readAllAwsPages<T>(doing: string, readPage: (token: string | undefined) => Promise<AwsPage<T>>, maxPages = MAX_PAGES): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await readPage(token);
    items.push(...(page.items ?? []));
    if (!page.next) return items;
    token = page.next;
  }
  throw new AwsRefusedError('PageLimitExceeded', `AWS answered more than ${maxPages} pages to ${doing}; the listing was stopped there`, 'an operator should look at this listing in the logs');
}
