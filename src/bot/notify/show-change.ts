import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackUser } from '../../mesh/domain/slack-user';
import type { Caller } from '../../mesh/service/request-context';
import type { SubscriptionWithProduct } from '../../mesh/service/subscriptions/subscription-with-product';
import type { BotDeps } from '../bot-deps';
import { republishHomes } from '../listeners/app-home/publish-home';
import { refreshNotices } from './refresh-notices';
import { tellRequester } from './tell-requester';

const MAX_ROUNDS = 3;

/** What a change shows, besides nothing: each is done once per call. */
export interface ShowChangeOptions {
  /** Update every recorded message about the subscription (default: yes). */
  messages?: boolean;
  /** DM the requester the outcome (a new message, so Slack notifies them). */
  tell?: boolean;
  /** Re-publish the App Home of the requester, the decider and the product's owners. */
  homes?: boolean;
}

/** Everyone whose App Home lists the subscription: requester, decider, owners. */
function involved({ subscription, product }: SubscriptionWithProduct): SlackUser[] {
  return [subscription.requester, ...(subscription.decidedBy ? [subscription.decidedBy] : []), ...product.owners];
}

/** Update the recorded messages and, as asked, the Homes, to `change`; failures are logged. */
async function render(deps: BotDeps, client: webApi.WebClient, ctx: Caller, change: SubscriptionWithProduct, log: Logger, options: ShowChangeOptions): Promise<void> {
  if (options.messages !== false) {
    try {
      await refreshNotices(deps, client, change);
    } catch (error) {
      log.warn({ err: error }, 'could not refresh the messages about the subscription');
    }
  }
  if (options.homes !== true) return;
  try {
    await republishHomes(deps, client, involved(change), ctx.requestId, log);
  } catch (error) {
    log.warn({ err: error }, 'could not refresh the App Homes concerned');
  }
}

/**
 * The one render path of a subscription's change: every recorded message about it is updated in
 * place, then (as asked) the requester is told and the App Homes concerned are re-published — each
 * once. Each step is best effort: the change is recorded already, and one Slack failure must not
 * hide the others. The product comes with the change (the operation loaded it), so nothing is read
 * again to show it.
 */
export async function showChange(deps: BotDeps, client: webApi.WebClient, ctx: Caller, change: SubscriptionWithProduct, log: Logger, options: ShowChangeOptions = {}): Promise<void> {
  await render(deps, client, ctx, change, log, options);
  if (options.tell === true) {
    try {
      await tellRequester(client, change);
    } catch (error) {
      log.warn({ err: error }, 'could not tell the requester');
    }
  }
  // Two refreshes can overlap (a job finishing while a click is answered): whoever showed a state
  // that has changed since shows the newer one, so the last update on screen is never a stale one.
  let shown = change.subscription;
  for (let round = 1; round < MAX_ROUNDS; round += 1) {
    try {
      const now = await deps.mesh.getSubscription(ctx, { id: shown.id });
      if (now.version === shown.version) return;
      shown = now;
    } catch (error) {
      log.warn({ err: error }, 'could not re-read the subscription after showing it');
      return;
    }
    await render(deps, client, ctx, { subscription: shown, product: change.product }, log, options);
  }
}
