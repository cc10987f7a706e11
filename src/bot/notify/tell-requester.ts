import type { webApi } from '@slack/bolt';
import type { SubscriptionWithProduct } from '../../mesh/service/subscriptions/subscription-with-product';
import { buildRequestOutcomeMessage } from '../blocks/request-outcome-message';
import { postDirect } from './slack-dm';

/** DM the requester how their request or subscription ended up (a new message, so Slack notifies them): names to query, reason, failure. */
export async function tellRequester(client: webApi.WebClient, { subscription, product }: SubscriptionWithProduct): Promise<void> {
  await postDirect(client, subscription.requester.userId, buildRequestOutcomeMessage({ subscription, product }));
}
