import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackUser } from '../../../mesh/domain/slack-user';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { Caller } from '../../../mesh/service/request-context';
import type { BotDeps } from '../../bot-deps';
import { refreshNotices } from '../../notify/refresh-notices';
import { tellRequester } from '../../notify/tell-requester';
import { republishHomes } from '../app-home/publish-home';

const MAX_ROUNDS = 3;

/** What to do besides updating the messages that show the subscription. */
export interface ShowChangeOptions {
  /** DM the requester the outcome (a new message, so Slack notifies them). */
  tell?: boolean;
  /** Re-publish the App Home of the requester, the decider and the product's owners. */
  homes?: boolean;
}

/** Everyone whose App Home lists the subscription: requester, decider, owners. */
async function involved(deps: BotDeps, ctx: Caller, subscription: Subscription): Promise<SlackUser[]> {
  const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
  return [subscription.requester, ...(subscription.decidedBy ? [subscription.decidedBy] : []), ...product.owners];
}

/** Update the recorded messages and, as asked, the Homes, to `subscription`; failures are logged. */
async function render(deps: BotDeps, client: webApi.WebClient, ctx: Caller, subscription: Subscription, log: Logger, homes: boolean): Promise<void> {
  try {
    await refreshNotices(deps, client, ctx, subscription);
  } catch (error) {
    log.warn({ err: error }, 'could not refresh the messages about the subscription');
  }
  if (!homes) return;
  try {
    await republishHomes(deps, client, await involved(deps, ctx, subscription), ctx.requestId, log);
  } catch (error) {
    log.warn({ err: error }, 'could not refresh the App Homes concerned');
  }
}

/**
 * Make a change visible: every recorded message about the subscription is updated in place, then
 * (as asked) the requester is told and the App Homes concerned are re-published. Each step is best
 * effort — the change is recorded already, and one Slack failure must not hide the others.
 */
export async function showChange(deps: BotDeps, client: webApi.WebClient, ctx: Caller, subscription: Subscription, log: Logger, options: ShowChangeOptions = {}): Promise<void> {
  const homes = options.homes === true;
  await render(deps, client, ctx, subscription, log, homes);
  if (options.tell === true) {
    try {
      await tellRequester(deps, client, ctx, subscription);
    } catch (error) {
      log.warn({ err: error }, 'could not tell the requester');
    }
  }
  // Two refreshes can overlap (a job finishing while a click is answered): whoever showed a state
  // that has changed since shows the newer one, so the last update on screen is never a stale one.
  let shown = subscription;
  for (let round = 1; round < MAX_ROUNDS; round += 1) {
    try {
      const now = await deps.mesh.getSubscription(ctx, { id: shown.id });
      if (now.version === shown.version) return;
      shown = now;
    } catch (error) {
      log.warn({ err: error }, 'could not re-read the subscription after showing it');
      return;
    }
    await render(deps, client, ctx, shown, log, homes);
  }
}
