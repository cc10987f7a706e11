import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DataProduct } from '../../../mesh/domain/data-product';
import { sameUser } from '../../../mesh/rules/actor';
import { slackUserKey, type SlackUser } from '../../../mesh/domain/slack-user';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { Page } from '../../../mesh/store/page';
import type { BotDeps } from '../../bot-deps';
import { buildAppHome } from '../../views/app-home';

// The Home tab is rebuilt from the lists on every open; reading at most this many pages of 100 keeps
// it to a handful of queries even in a large mesh (the tab shows 10 rows a section and a count).
const MAX_PAGES = 5;

async function collect<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
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
async function waitingFor(deps: BotDeps, ctx: RequestContext, meshAdmin: boolean, owned: readonly DataProduct[]): Promise<Subscription[]> {
  const notMine = (s: Subscription): boolean => !sameUser(s.requester, ctx.user);
  if (meshAdmin) {
    return (await collect((cursor) => deps.mesh.listSubscriptions(ctx, { kind: 'status', status: 'PENDING', ...pageArgs(cursor) }))).items.filter(notMine);
  }
  const ownedIds = new Set(owned.map((p) => p.id));
  const waiting: Subscription[] = [];
  for (const producerAccountId of new Set(owned.map((p) => p.producerAccountId))) {
    const pending = await collect((cursor) => deps.mesh.listSubscriptions(ctx, { kind: 'pending', producerAccountId, ...pageArgs(cursor) }));
    waiting.push(...pending.items.filter((s) => ownedIds.has(s.productId) && notMine(s)));
  }
  return waiting;
}

/**
 * Publish a user's App Home (`views.publish`): what waits for their approval, with the decision
 * buttons; the products they own; their own requests and subscriptions.
 */
export async function publishHome(deps: BotDeps, client: webApi.WebClient, ctx: RequestContext): Promise<void> {
  const me = await deps.mesh.whoami(ctx);
  const producerAccounts = [...new Set(me.personas.filter((p) => p.kind === 'producer').map((p) => p.accountId))];
  const products = await ownedProducts(deps, ctx, producerAccounts);
  const waiting = await waitingFor(deps, ctx, me.meshAdmin, products);
  // Subscriptions are shown to mapped people only: someone mapped to no account has none to see.
  const mapped = me.meshAdmin || me.personas.length > 0;
  const mine = mapped ? await collect((cursor) => deps.mesh.listSubscriptions(ctx, { kind: 'mine', ...pageArgs(cursor) })) : { items: [] };
  const view = buildAppHome({
    user: ctx.user,
    waiting: { items: waiting },
    products: { items: products },
    subscriptions: { items: mine.items },
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
