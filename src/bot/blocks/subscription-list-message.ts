import type { Subscription } from '../../mesh/domain/subscription';
import { context, divider, header, message, section } from './block-kit';
import { escapeMrkdwn, plural } from './mrkdwn';
import { PAGE_SIZE, pageFooter, type Page } from './pagination';
import type { KnownBlock, SlackMessage } from './slack-types';
import { subscriptionRowText } from './subscription-row';

export interface SubscriptionListInput {
  /** What the list is, e.g. `Pending requests`, `My subscriptions`, `Subscriptions to telco-111111111111`. */
  title: string;
  page: Page<Subscription>;
  /** What to say when there is nothing, e.g. how to make a request. */
  emptyText: string;
  now: Date;
  /** A second, short list under its own heading after the page (e.g. `/mesh pending`'s own requests), at most 10 rows. */
  also?: { title: string; items: readonly Subscription[]; emptyText: string };
  /** A note under the title, e.g. why a list is empty for this user. */
  note?: string;
}

/** Rows of the second list: it is not paged, so it stays short. */
const ALSO_ROWS = 10;

/** A list of subscriptions (pending, mine, by product, by status): one row each (at most 15), then [Next page]. */
export function buildSubscriptionListMessage(input: SubscriptionListInput): SlackMessage {
  const { title, page, emptyText, now, also, note } = input;
  const shown = page.items.slice(0, PAGE_SIZE);
  const blocks: KnownBlock[] = [header(title)];
  if (note !== undefined) blocks.push(context(escapeMrkdwn(note)));
  if (shown.length === 0) blocks.push(section(escapeMrkdwn(emptyText)));
  for (const s of shown) blocks.push(section(subscriptionRowText(s, now, { names: true })));
  blocks.push(...pageFooter(page, shown.length, 'subscription'));
  if (also !== undefined) {
    blocks.push(divider(), section(`*${escapeMrkdwn(also.title)}*`));
    if (also.items.length === 0) blocks.push(section(escapeMrkdwn(also.emptyText)));
    for (const s of also.items.slice(0, ALSO_ROWS)) blocks.push(section(subscriptionRowText(s, now, { names: true })));
    if (also.items.length > ALSO_ROWS) blocks.push(context(`${plural(also.items.length - ALSO_ROWS, 'subscription')} more not shown`));
  }
  const alsoText = also !== undefined && also.items.length > 0 ? `; ${escapeMrkdwn(also.title.toLowerCase())}: ${plural(also.items.length, 'request')}` : '';
  return message(`${escapeMrkdwn(title)}: ${plural(page.total ?? page.items.length, 'subscription')}${alsoText}`, blocks);
}
