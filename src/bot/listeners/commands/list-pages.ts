import type { DataProduct } from '../../../mesh/domain/data-product';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { SubscriptionStatus } from '../../../mesh/domain/subscription-status';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { Page as StorePage } from '../../../mesh/store/page';
import { buildAccountListMessage } from '../../blocks/account-list-message';
import { PAGE_SIZE } from '../../blocks/pagination';
import { buildProductListMessage } from '../../blocks/product-list-message';
import type { SlackMessage } from '../../blocks/slack-types';
import { buildSubscriptionListMessage } from '../../blocks/subscription-list-message';
import { STATUS_STYLE } from '../../blocks/subscription-facts';
import type { BotDeps } from '../../bot-deps';
import { encodeListCursor, type ListCursor } from './list-cursor';

/** One read of a store list. */
type Fetch<T> = (request: { limit: number; cursor?: string }) => Promise<StorePage<T>>;

interface ReadPage<T> {
  items: T[];
  /** The store's cursor of the next page, only when there is one. */
  next?: string;
}

/** The next page's button value, if the cursor fits in one. */
const nextOf = (cursor: ListCursor | undefined): { nextCursor?: string } => {
  const value = cursor === undefined ? undefined : encodeListCursor(cursor);
  return value === undefined ? {} : { nextCursor: value };
};

/**
 * A page of PAGE_SIZE items. DynamoDB hands a cursor back whenever a page is full, even at the very
 * end, so one more item is peeked: a [Next page] button never leads to an empty page.
 */
async function readPage<T>(fetch: Fetch<T>, cursor: string | undefined): Promise<ReadPage<T>> {
  const page = await fetch({ limit: PAGE_SIZE, ...(cursor !== undefined && { cursor }) });
  if (page.cursor === undefined) return { items: page.items };
  const peek = await fetch({ limit: 1, cursor: page.cursor });
  return peek.items.length === 0 && peek.cursor === undefined ? { items: page.items } : { items: page.items, next: page.cursor };
}

/** The catalog, or the products matching `query`, a page at a time. */
export async function productsPage(deps: BotDeps, ctx: RequestContext, query: string | undefined, cursor?: string): Promise<SlackMessage> {
  const fetch: Fetch<DataProduct> = (request) => (query === undefined ? deps.mesh.listProducts(ctx, request) : deps.mesh.searchProducts(ctx, { text: query, ...request }));
  const page = await readPage(fetch, cursor);
  const next: ListCursor | undefined = page.next === undefined ? undefined : { l: 'products', ...(query !== undefined && { q: query }), c: page.next };
  return buildProductListMessage({ page: { items: page.items, ...nextOf(next) }, ...(query !== undefined && { query }) });
}

/** Subscriptions of a list the user named (`mine`, one product's, one status), a page at a time. */
export async function subscriptionsPage(
  deps: BotDeps,
  ctx: RequestContext,
  filter: { by: 'mine' } | { by: 'product'; product: string } | { by: 'status'; status: SubscriptionStatus },
  cursor?: string,
): Promise<SlackMessage> {
  const now = new Date(deps.clock());
  if (filter.by === 'mine') {
    const page = await readPage((request) => deps.mesh.listSubscriptions(ctx, { kind: 'mine', ...request }), cursor);
    return buildSubscriptionListMessage({
      title: 'My subscriptions',
      page: { items: page.items, ...nextOf(page.next === undefined ? undefined : { l: 'mine', c: page.next }) },
      emptyText: 'You have not asked for access to anything yet. Find a product with /mesh products, then ask with /mesh request <product>.',
      now,
    });
  }
  if (filter.by === 'product') {
    // An unknown (or private) product is refused by name rather than listed as empty.
    const product = await deps.mesh.getProduct(ctx, { productId: filter.product });
    const page = await readPage((request) => deps.mesh.listSubscriptions(ctx, { kind: 'product', productId: product.id, ...request }), cursor);
    return buildSubscriptionListMessage({
      title: `Subscriptions to ${product.id}`,
      page: { items: page.items, ...nextOf(page.next === undefined ? undefined : { l: 'product', p: product.id, c: page.next }) },
      emptyText: `No one has asked for access to ${product.id} yet.`,
      now,
    });
  }
  const label = STATUS_STYLE[filter.status].label;
  const page = await readPage((request) => deps.mesh.listSubscriptions(ctx, { kind: 'status', status: filter.status, ...request }), cursor);
  return buildSubscriptionListMessage({
    title: `${label} subscriptions`,
    page: { items: page.items, ...nextOf(page.next === undefined ? undefined : { l: 'status', s: filter.status, c: page.next }) },
    emptyText: `No subscription is ${label.toLowerCase()}.`,
    now,
  });
}

/** The user's own requests read for `/mesh pending`: the newest ones, where anything still pending is. */
const OWN_REQUESTS_READ = 100;

/** The user's own requests still waiting for a decision, newest first (among their newest OWN_REQUESTS_READ). */
async function ownPending(deps: BotDeps, ctx: RequestContext): Promise<Subscription[]> {
  const mine = await deps.mesh.listSubscriptions(ctx, { kind: 'mine', limit: OWN_REQUESTS_READ });
  return mine.items.filter((s) => s.status === 'PENDING');
}

/**
 * Requests waiting for a decision the user can take: those of every producer account they act for,
 * one account after the other (mesh admins: every pending request), and on the first page the user's
 * own requests still waiting (help promises both). `account` is the index of the account being read, in id order.
 */
export async function pendingPage(deps: BotDeps, ctx: RequestContext, account = 0, cursor?: string): Promise<SlackMessage> {
  const me = await deps.mesh.whoami(ctx);
  const now = new Date(deps.clock());
  const accounts = me.meshAdmin ? [undefined] : [...new Set(me.personas.filter((p) => p.kind === 'producer').map((p) => p.accountId))].sort();
  const title = me.meshAdmin ? 'Pending requests (all products)' : 'Waiting for your decision';
  const firstPage = account === 0 && cursor === undefined;
  // A mesh admin's list already holds every pending request, their own among them.
  const own = firstPage && !me.meshAdmin ? await ownPending(deps, ctx) : undefined;
  const also = (items: Subscription[]) => ({
    title: 'Your own requests, waiting for the owners',
    items,
    emptyText: 'You have no request waiting. Ask for access with /mesh request <product>.',
  });
  if (accounts.length === 0) {
    return buildSubscriptionListMessage({
      title: 'Your pending requests',
      note: 'No request waits for your decision: you are not a producer of any account.',
      page: { items: own ?? [] },
      emptyText: 'You have no request waiting for a decision. Ask for access with /mesh request <product>; all of yours are in /mesh subscriptions mine.',
      now,
    });
  }
  const fetchFor =
    (producer: string | undefined): Fetch<Subscription> =>
    (request) =>
      producer === undefined ? deps.mesh.listSubscriptions(ctx, { kind: 'status', status: 'PENDING', ...request }) : deps.mesh.listSubscriptions(ctx, { kind: 'pending', producerAccountId: producer, ...request });

  let index = Math.min(account, accounts.length);
  let page: ReadPage<Subscription> = { items: [] };
  let from = cursor;
  // Accounts with nothing pending are skipped, so a page is empty only when nothing waits at all.
  while (index < accounts.length) {
    page = await readPage(fetchFor(accounts[index]), from);
    if (page.items.length > 0 || page.next !== undefined) break;
    index += 1;
    from = undefined;
  }
  let next: ListCursor | undefined = page.next === undefined ? undefined : { l: 'pending', a: index, c: page.next };
  for (let later = index + 1; next === undefined && later < accounts.length; later += 1) {
    const peek = await fetchFor(accounts[later])({ limit: 1 });
    if (peek.items.length > 0) next = { l: 'pending', a: later };
  }
  const shownIds = new Set(page.items.map((s) => s.id));
  return buildSubscriptionListMessage({
    title,
    page: { items: page.items, ...nextOf(next) },
    emptyText: 'No request waits for your decision.',
    now,
    ...(own !== undefined && { also: also(own.filter((s) => !shownIds.has(s.id))) }),
  });
}

/** The accounts enabled in the mesh and who acts for each (read whole; they are few), PAGE_SIZE at a time from `offset`. */
export async function accountsPage(deps: BotDeps, ctx: RequestContext, offset = 0): Promise<SlackMessage> {
  const accounts = await deps.mesh.listAccounts(ctx);
  const mappings = await deps.mesh.listMappings(ctx);
  const end = offset + PAGE_SIZE;
  return buildAccountListMessage(
    {
      items: accounts.slice(offset, end),
      total: accounts.length,
      ...nextOf(end < accounts.length ? { l: 'accounts', o: end } : undefined),
    },
    mappings,
  );
}

/** The page a [Next page] cursor points at, for the user who clicked. */
export function listPage(deps: BotDeps, ctx: RequestContext, cursor: ListCursor): Promise<SlackMessage> {
  switch (cursor.l) {
    case 'products':
      return productsPage(deps, ctx, cursor.q, cursor.c);
    case 'pending':
      return pendingPage(deps, ctx, cursor.a, cursor.c);
    case 'mine':
      return subscriptionsPage(deps, ctx, { by: 'mine' }, cursor.c);
    case 'product':
      return subscriptionsPage(deps, ctx, { by: 'product', product: cursor.p }, cursor.c);
    case 'status':
      return subscriptionsPage(deps, ctx, { by: 'status', status: cursor.s }, cursor.c);
    case 'accounts':
      return accountsPage(deps, ctx, cursor.o);
  }
}
