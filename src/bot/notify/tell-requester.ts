import type { webApi } from '@slack/bolt';
import type { Subscription } from '../../mesh/domain/subscription';
import type { Caller } from '../../mesh/service/request-context';
import { buildRequestOutcomeMessage } from '../blocks/request-outcome-message';
import type { BotDeps } from '../bot-deps';
import { postDirect } from './slack-dm';

/** DM the requester how their request or subscription ended up (a new message, so Slack notifies them): names to query, reason, failure. */
export async function tellRequester(deps: BotDeps, client: webApi.WebClient, ctx: Caller, subscription: Subscription): Promise<void> {
  const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
  await postDirect(client, subscription.requester.userId, buildRequestOutcomeMessage({ subscription, product }));
}
