import type { DataProduct } from '../../mesh/domain/data-product';
import type { Identity } from '../../mesh/domain/identity';
import type { MeshAccount } from '../../mesh/domain/mesh-account';
import type { SlackUser } from '../../mesh/domain/slack-user';
import type { Subscription } from '../../mesh/domain/subscription';
import type { UserRef } from '../../mesh/error-reasons';
import { keyedActionId } from '../interaction-ids';
import { actions, capBlocks, context, divider, header, section } from '../blocks/block-kit';
import { actingForText } from '../blocks/account-list-message';
import { ageText, code, dateText, escapeMrkdwn, joinCapped, mention, plural, truncate } from '../blocks/mrkdwn';
import { meshAdminsMention } from '../refusal-wordings';
import { requestHeadline } from '../blocks/request-summary';
import { SLACK_LIMITS } from '../blocks/slack-limits';
import type { HomeView, KnownBlock } from '../blocks/slack-types';
import { cancelButton, decisionButtons, revokeButton } from '../blocks/subscription-buttons';
import { columnsText, grantSummary, permissionsText, tablesText } from '../blocks/subscription-facts';
import { productRow } from '../blocks/product-list-message';
import { subscriptionRowText } from '../blocks/subscription-row';

/** Some items of a list and, when known, how many there are in all (`complete: false`: more than that). */
export interface Listed<T> {
  items: readonly T[];
  total?: number;
  /** False when the list was read only in part: its count is a lower bound. */
  complete?: boolean;
}

/**
 * What the Home tab shows a user, one section per persona that applies to them; a section left out
 * (undefined) is not drawn. A user may hold several personas and sees each of their sections.
 */
export interface AppHomeInput {
  user: SlackUser;
  /** Owners and mesh admins: the pending requests this user may decide. */
  waiting?: Listed<Subscription>;
  /** Owners: the products they own. */
  products?: Listed<DataProduct>;
  /** Owners: who has access to each of their products (its active subscriptions), by product id. */
  access?: ReadonlyMap<string, Listed<Subscription>>;
  /** Consumers: their own requests and subscriptions. */
  subscriptions?: Listed<Subscription>;
  /** Mesh admins: the enabled accounts, and who acts for each. */
  admin?: { accounts: Listed<MeshAccount>; mappings: readonly Identity[] };
  /** Whom to ask to be mapped, for a user to whom no section applies. */
  meshAdmins?: readonly UserRef[];
  now: Date;
}

/** Rows per section: four sections stay well inside the Home tab's 100 blocks. */
const HOME_SECTION_SIZE = 10;

/** People with access named per product; the rest are counted. */
const ACCESS_SHOWN = 5;

/**
 * The App Home tab (`views.publish`), per persona: for owners what waits for their approval (with
 * the buttons) and their products with who has access; for consumers their requests and
 * subscriptions; for mesh admins the accounts and who acts for them; for someone the mesh does not
 * know yet, whom to ask. Each section capped, each with an empty state saying what to do.
 */
export function buildAppHome(input: AppHomeInput): HomeView {
  const { user, waiting, products, subscriptions, admin, now } = input;
  const sections: KnownBlock[][] = [];
  if (waiting !== undefined) sections.push(waitingSection(waiting, now));
  if (products !== undefined) sections.push(productsSection(products, input.access));
  if (subscriptions !== undefined) sections.push(subscriptionsSection(subscriptions, user, now));
  if (admin !== undefined) sections.push(adminSection(admin.accounts, admin.mappings));
  if (sections.length === 0) sections.push(newcomerSection(input.meshAdmins ?? []));
  const blocks: KnownBlock[] = [
    section(`:wave: Hi ${mention(user).mrkdwn} — here is what the data mesh holds for you.`),
    context(`Updated ${dateText(now.toISOString(), '{date_short_pretty} at {time}')} · ${code('/mesh help')} for every command`),
    ...sections.flatMap((blocksOf, i) => (i === 0 ? blocksOf : [divider(), ...blocksOf])),
  ];
  return { type: 'home', blocks: capBlocks(blocks, SLACK_LIMITS.viewBlocks) };
}

function more(list: Listed<unknown>, shown: number, command: string): KnownBlock[] {
  const rest = (list.total ?? list.items.length) - shown;
  if (list.complete === false) return [context(`and more — use ${code(command)}`)];
  return rest > 0 ? [context(`and ${rest.toLocaleString('en-US')} more — use ${code(command)}`)] : [];
}

function titled(title: string, list: Listed<unknown>): KnownBlock {
  const total = list.total ?? list.items.length;
  return header(total > 0 ? `${title} (${total.toLocaleString('en-US')}${list.complete === false ? '+' : ''})` : title);
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

function productsSection(products: Listed<DataProduct>, access: ReadonlyMap<string, Listed<Subscription>> | undefined): KnownBlock[] {
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
  for (const p of shown) {
    blocks.push(productRow(p));
    const holders = access?.get(p.id);
    if (holders !== undefined) blocks.push(context(accessText(p.id, holders)));
  }
  return [...blocks, ...more(products, shown.length, '/mesh products')];
}

/** Who has access to a product: each active subscription's consumer account, requester and grant, capped. */
function accessText(productId: string, holders: Listed<Subscription>): string {
  const total = holders.total ?? holders.items.length;
  if (total === 0 && holders.complete !== false) return 'No one has access yet.';
  const named = holders.items
    .slice(0, ACCESS_SHOWN)
    .map((s) => `${code(s.consumerAccountId)} for ${mention(s.requester).mrkdwn}: ${escapeMrkdwn(permissionsText(s.grantedPermissions))} on ${tablesText(s.tables, 200, ', ', 2)}`);
  const rest = holders.complete === false ? ' and more' : total > ACCESS_SHOWN ? ` and ${(total - ACCESS_SHOWN).toLocaleString('en-US')} more` : '';
  const list = `Access (${plural(total, 'subscription')}${holders.complete === false ? '+' : ''}): ${joinCapped(named, ' · ', 2400)}${rest}`;
  return rest === '' ? list : `${list} — ${code(`/mesh subscriptions product ${productId}`)}`;
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

function adminSection(accounts: Listed<MeshAccount>, mappings: readonly Identity[]): KnownBlock[] {
  const shown = accounts.items.slice(0, HOME_SECTION_SIZE);
  const people = mappings.filter((identity) => identity.personas.length > 0).length;
  const blocks: KnownBlock[] = [titled('Mesh accounts', accounts), context(`You are a mesh admin · ${plural(people, 'person', 'people')} mapped to accounts`)];
  if (shown.length === 0) blocks.push(section(`No account is enabled yet. Enable one with ${code('/mesh admin enable <account> producer|consumer')}.`));
  for (const account of shown) {
    const roles = [account.producer ? 'producer' : undefined, account.consumer ? 'consumer' : undefined].filter((r) => r !== undefined).join(' and ');
    blocks.push(section(`${code(account.accountId)} · *${roles || 'no role'}*\n${actingForText(account.accountId, mappings)}`));
  }
  return [...blocks, ...more(accounts, shown.length, '/mesh admin accounts')];
}

function newcomerSection(meshAdmins: readonly UserRef[]): KnownBlock[] {
  return [
    header('Welcome to the data mesh'),
    section(
      `You act for no account in the mesh yet, so nothing here is yours. You can browse the data products with ${code('/mesh products')}. ` +
        `To publish or to ask for access, ask ${meshAdminsMention(meshAdmins)} to map you to your account; ${code('/mesh whoami')} shows what you act for.`,
    ),
  ];
}
