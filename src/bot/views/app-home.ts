import type { DataProduct } from '../../mesh/domain/data-product';
import type { SlackUser } from '../../mesh/domain/slack-user';
import type { Subscription } from '../../mesh/domain/subscription';
import { keyedActionId } from '../interaction-ids';
import { actions, capBlocks, context, divider, header, section } from '../blocks/block-kit';
import { ageText, code, dateText, escapeMrkdwn, mention, truncate } from '../blocks/mrkdwn';
import { requestHeadline } from '../blocks/request-summary';
import { SLACK_LIMITS } from '../blocks/slack-limits';
import type { HomeView, KnownBlock } from '../blocks/slack-types';
import { cancelButton, decisionButtons, revokeButton } from '../blocks/subscription-buttons';
import { columnsText, grantSummary } from '../blocks/subscription-facts';
import { productRow } from '../blocks/product-list-message';
import { subscriptionRowText } from '../blocks/subscription-row';

/** Some items of a list and, when known, how many there are in all. */
export interface Listed<T> {
  items: readonly T[];
  total?: number;
}

export interface AppHomeInput {
  user: SlackUser;
  /** Pending requests this user may decide (owner or admin). */
  waiting: Listed<Subscription>;
  /** Products this user owns. */
  products: Listed<DataProduct>;
  /** This user's requests and subscriptions. */
  subscriptions: Listed<Subscription>;
  now: Date;
}

/** Rows per section: three sections stay well inside the Home tab's 100 blocks. */
const HOME_SECTION_SIZE = 10;

/**
 * The App Home tab (`views.publish`): what waits for the user's approval (with the buttons), their
 * products, and their subscriptions and requests; each capped, each with an empty state saying what to do.
 */
export function buildAppHome(input: AppHomeInput): HomeView {
  const { user, waiting, products, subscriptions, now } = input;
  const blocks: KnownBlock[] = [
    section(`:wave: Hi ${mention(user).mrkdwn} — here is what the data mesh holds for you.`),
    context(`Updated ${dateText(now.toISOString(), '{date_short_pretty} at {time}')} · ${code('/mesh help')} for every command`),
    ...waitingSection(waiting, now),
    divider(),
    ...productsSection(products),
    divider(),
    ...subscriptionsSection(subscriptions, user, now),
  ];
  return { type: 'home', blocks: capBlocks(blocks, SLACK_LIMITS.viewBlocks) };
}

function more(list: Listed<unknown>, shown: number, command: string): KnownBlock[] {
  const rest = (list.total ?? list.items.length) - shown;
  return rest > 0 ? [context(`and ${rest.toLocaleString('en-US')} more — use ${code(command)}`)] : [];
}

function titled(title: string, list: Listed<unknown>): KnownBlock {
  const total = list.total ?? list.items.length;
  return header(total > 0 ? `${title} (${total.toLocaleString('en-US')})` : title);
}

function waitingSection(waiting: Listed<Subscription>, now: Date): KnownBlock[] {
  const shown = waiting.items.slice(0, HOME_SECTION_SIZE);
  const blocks: KnownBlock[] = [titled('Waiting for your approval', waiting)];
  if (shown.length === 0) {
    blocks.push(section(':sparkles: Nothing waits for you. Requests for the products you own show up here, and in your DMs.'));
  }
  for (const s of shown) {
    const reason = escapeMrkdwn(truncate(s.justification.replace(/\s+/g, ' '), 280));
    blocks.push(
      section(
        `${requestHeadline(s, undefined)}\n${escapeMrkdwn(grantSummary(s.requestedPermissions, s.tables, s.meshDatabase))} · ${columnsText(s.columns, 300)} · waiting ${ageText(s.createdAt, now)}\n>${reason}`,
      ),
      // Keyed by subscription: the tab repeats these buttons, and Slack wants action ids unique.
      actions(decisionButtons(s, (base) => keyedActionId(base, s.id)), `home_decide_${s.id}`),
    );
  }
  return [...blocks, ...more(waiting, shown.length, '/mesh pending')];
}

function productsSection(products: Listed<DataProduct>): KnownBlock[] {
  const shown = products.items.slice(0, HOME_SECTION_SIZE);
  const blocks: KnownBlock[] = [titled('My products', products)];
  if (shown.length === 0) {
    blocks.push(
      section(
        `You own no data product. To offer tables of a producer account you act for, use ${code('/mesh publish <database> <tables>')} — ` +
          'the product is announced in #data-products with a Request access button.',
      ),
    );
  }
  for (const p of shown) blocks.push(productRow(p));
  return [...blocks, ...more(products, shown.length, '/mesh products')];
}

function subscriptionsSection(subscriptions: Listed<Subscription>, user: SlackUser, now: Date): KnownBlock[] {
  const shown = subscriptions.items.slice(0, HOME_SECTION_SIZE);
  const blocks: KnownBlock[] = [titled('My subscriptions and requests', subscriptions)];
  if (shown.length === 0) {
    blocks.push(
      section(
        `You have no subscription yet. Browse products with ${code('/mesh products')}, or click *Request access* on a product in #data-products.`,
      ),
    );
  }
  for (const s of shown) {
    const mine = s.requester.userId === user.userId && s.requester.teamId === user.teamId;
    const key = (base: Parameters<typeof keyedActionId>[0]): string => keyedActionId(base, s.id);
    const accessory = s.status === 'PENDING' && mine ? cancelButton(s, key) : s.status === 'ACTIVE' ? revokeButton(s, key) : undefined;
    blocks.push(section(subscriptionRowText(s, now, { names: true }), accessory));
  }
  return [...blocks, ...more(subscriptions, shown.length, '/mesh subscriptions mine')];
}
