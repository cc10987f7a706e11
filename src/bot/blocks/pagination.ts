import { ACTIONS } from '../interaction-ids';
import { actions, button, context } from './block-kit';
import { plural } from './mrkdwn';
import { SLACK_LIMITS } from './slack-limits';
import type { KnownBlock } from './slack-types';

/** Rows per list message: long enough to scan, short enough to stay far below 50 blocks. */
export const PAGE_SIZE = 15;

/** A page of a list: its rows, the cursor of the next page if any, and the total when known. */
export interface Page<T> {
  items: readonly T[];
  nextCursor?: string;
  total?: number;
}

/**
 * The foot of a list: `Showing 15 of 120` and a [Next page] button carrying the cursor; rows beyond
 * PAGE_SIZE without a cursor are counted as not shown.
 */
export function pageFooter(page: Page<unknown>, shown: number, noun: string): KnownBlock[] {
  const total = page.total ?? (page.nextCursor === undefined ? page.items.length : undefined);
  const blocks: KnownBlock[] = [];
  const notShown = page.items.length - shown;
  if (total !== undefined && total > shown) blocks.push(context(`Showing ${shown.toLocaleString('en-US')} of ${plural(total, noun)}`));
  else if (notShown > 0) blocks.push(context(`${plural(notShown, noun)} more not shown`));
  // A cut cursor would be useless; a cursor too long for a button value is simply not offered.
  if (page.nextCursor !== undefined && page.nextCursor.length > 0 && page.nextCursor.length <= SLACK_LIMITS.buttonValue) {
    blocks.push(actions([button({ text: 'Next page', actionId: ACTIONS.nextPage, value: page.nextCursor })], 'list_pagination'));
  }
  return blocks;
}
