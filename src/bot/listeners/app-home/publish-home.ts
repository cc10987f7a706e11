import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DataProduct } from '../../../mesh/domain/data-product';
import { sameUser } from '../../../mesh/rules/actor';
import { slackUserKey, type SlackUser } from '../../../mesh/domain/slack-user';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { Page } from '../../../mesh/store/page';
import type { BotDeps } from '../../bot-deps';
import { buildAppHome, type AppHomeInput, type Listed } from '../../views/app-home';

// The Home tab is rebuilt from the lists on every open; reading at most this many pages of 100 keeps
// it to a handful of queries even in a large mesh (the tab shows 10 rows a section and a count).
const MAX_PAGES = 5;

/** Products whose holders are read for the tab: those it shows. */
const PRODUCTS_WITH_ACCESS = 10;

/** A list read page by page, at most MAX_PAGES pages; `complete: false` when more remained. */
async function collect<T>(read: (cursor: string | undefined) => Promise<Page<T>>, pages = MAX_PAGES): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pages; page += 1) {
    const answer = await read(cursor);
    items.push(...answer.items);
    cursor = answer.cursor;
    if (cursor === undefined) return { items, complete: true };
  }
  return { items, complete: false };
}

const pageArgs = (cursor: string | undefined): { limit: number; cursor?: string } => ({ limit: 100, ...(cursor !== undefined && { cursor }) });

/** The products the user owns: among their producer accounts' products (or all products when they have none). */
async function ownedProducts(deps: BotDeps, ctx: RequestContext, producerAccounts: readonly string[]): Promise<DataProduct[]> {
  const listed: DataProduct[] = [];
  if (producerAccounts.length === 0) {
    listed.push(...(await collect((cursor) => deps.mesh.listProducts(ctx, pageArgs(cursor)))).items);
  }
  for (const producerAccountId of producerAccounts) {
    listed.push(...(await collect((cursor) => deps.mesh.listProducts(ctx, { producerAccountId, ...pageArgs(cursor) }))).items);
  }
  return listed.filter((p) => p.owners.some((o) => sameUser(o, ctx.user)));
}

/** Pending requests the user may decide: every one for a mesh admin, else those of the products they own; never their own. */
async function waitingFor(deps: BotDeps, ctx: RequestContext, meshAdmin: boolean, owned: readonly DataProduct[]): Promise<Listed<Subscription>> {
  const notMine = (s: Subscription): boolean => !sameUser(s.requester, ctx.user);
  if (meshAdmin) {
    const pending = await collect((cursor) => deps.mesh.listSubscriptions(ctx, { kind: 'status', status: 'PENDING', ...pageArgs(cursor) }));
    return { items: pending.items.filter(notMine), complete: pending.complete };
  }
  const ownedIds = new Set(owned.map((p) => p.id));
  const waiting: Subscription[] = [];
  let complete = true;
  for (const producerAccountId of new Set(owned.map((p) => p.producerAccountId))) {
    const pending = await collect((cursor) => deps.mesh.listSubscriptions(ctx, { kind: 'pending', producerAccountId, ...pageArgs(cursor) }));
    waiting.push(...pending.items.filter((s) => ownedIds.has(s.productId) && notMine(s)));
    complete &&= pending.complete;
  }
  return { items: waiting, complete };
}

/** Who has access to each product the tab shows: its active subscriptions (the mesh lets owners see them). */
async function accessTo(deps: BotDeps, ctx: RequestContext, products: readonly DataProduct[]): Promise<Map<string, Listed<Subscription>>> {
  // One read per product, side by side: the tab waits for the slowest, not for their sum.
  const read = await Promise.all(
    products.slice(0, PRODUCTS_WITH_ACCESS).map(async (product) => {
      const listed = await collect((cursor) => deps.mesh.listSubscriptions(ctx, { kind: 'product', productId: product.id, ...pageArgs(cursor) }), 2);
      return [product.id, { items: listed.items.filter((s) => s.status === 'ACTIVE'), complete: listed.complete }] as const;
    }),
  );
  return new Map<string, Listed<Subscription>>(read);
}

/** The accounts and who acts for each, for a mesh admin's section. */
async function administration(deps: BotDeps, ctx: RequestContext): Promise<NonNullable<AppHomeInput['admin']>> {
  const [accounts, mappings] = await Promise.all([deps.mesh.listAccounts(ctx), deps.mesh.listMappings(ctx)]);
  return { accounts: { items: accounts }, mappings };
}

/**
 * Publish a user's App Home (`views.publish`), one section per persona they hold: an owner (a
 * producer, or someone owning a product) sees what waits for their approval with the decision
 * buttons and their products with who has access; a mesh admin sees every pending request and the
 * accounts with who acts for them; a consumer (or anyone with requests) their requests and
 * subscriptions. Someone the mesh does not know is told whom to ask.
 */
export async function publishHome(deps: BotDeps, client: webApi.WebClient, ctx: RequestContext): Promise<void> {
  const me = await deps.mesh.whoami(ctx);
  const producerAccounts = [...new Set(me.personas.filter((p) => p.kind === 'producer').map((p) => p.accountId))];
  const products = await ownedProducts(deps, ctx, producerAccounts);
  const owner = producerAccounts.length > 0 || products.length > 0;
  const waiting = owner || me.meshAdmin ? await waitingFor(deps, ctx, me.meshAdmin, products) : undefined;
  // Subscriptions are readable by mapped people only: someone mapped to no account has none to see.
  const mapped = me.meshAdmin || me.personas.length > 0;
  const mine = mapped ? await collect((cursor) => deps.mesh.listSubscriptions(ctx, { kind: 'mine', ...pageArgs(cursor) })) : { items: [], complete: true };
  const consumer = me.personas.some((p) => p.kind === 'consumer') || mine.items.length > 0;
  const view = buildAppHome({
    user: ctx.user,
    ...(waiting !== undefined && { waiting }),
    ...(owner && { products: { items: products }, access: await accessTo(deps, ctx, products) }),
    ...(consumer && { subscriptions: { items: mine.items, complete: mine.complete } }),
    ...(me.meshAdmin && { admin: await administration(deps, ctx) }),
    meshAdmins: deps.mesh.meshAdmins(),
    now: new Date(deps.clock()),
  });
  await client.views.publish({ user_id: ctx.user.userId, view });
}

/**
 * Re-publish the App Home of everyone a change concerns (requester, owners, decider), so an open
 * Home tab never offers a button for a decision already made. Best effort: a failure is logged.
 */
export async function republishHomes(deps: BotDeps, client: webApi.WebClient, users: readonly SlackUser[], requestId: string, log: Logger): Promise<void> {
  const seen = new Set<string>();
  for (const user of users) {
    const key = slackUserKey(user);
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      await publishHome(deps, client, { user, requestId });
    } catch (error) {
      log.warn({ err: error, home: key }, 'could not refresh an App Home');
    }
  }
}
