import type { Subscription } from '../../mesh/domain/subscription';
import { header, message, section } from './block-kit';
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
}

/** A list of subscriptions (pending, mine, by product, by status): one row each (at most 15), then [Next page]. */
export function buildSubscriptionListMessage(input: SubscriptionListInput): SlackMessage {
  const { title, page, emptyText, now } = input;
  const shown = page.items.slice(0, PAGE_SIZE);
  const blocks: KnownBlock[] = [header(title)];
  if (shown.length === 0) blocks.push(section(escapeMrkdwn(emptyText)));
  for (const s of shown) blocks.push(section(subscriptionRowText(s, now, { names: true })));
  blocks.push(...pageFooter(page, shown.length, 'subscription'));
  return message(`${escapeMrkdwn(title)}: ${plural(page.total ?? page.items.length, 'subscription')}`, blocks);
}
