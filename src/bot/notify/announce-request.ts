import type { webApi } from '@slack/bolt';
import { sameUser } from '../../mesh/rules/actor';
import type { RequestContext } from '../../mesh/service/request-context';
import type { RequestAccessResult } from '../../mesh/service/subscriptions/request-access';
import { buildAccessRequestMessage } from '../blocks/access-request-message';
import { buildRequestReceivedMessage } from '../blocks/request-received-message';
import type { BotDeps } from '../bot-deps';
import { postDirect } from './slack-dm';

/**
 * Tell the product's owners about a new request (a DM each, with the decision buttons) and the
 * requester that it was sent (a DM with its id and [Cancel request]); every message is remembered
 * so it is updated in place when the request changes.
 */
export async function announceRequest(deps: BotDeps, client: webApi.WebClient, ctx: RequestContext, result: RequestAccessResult): Promise<void> {
  const { subscription } = result;
  const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
  const now = new Date(deps.clock());
  // An owner who asked cannot decide their own request, so they get only the requester's message.
  const approvers = result.notify.filter((owner, i, all) => !sameUser(owner, subscription.requester) && all.findIndex((o) => sameUser(o, owner)) === i);
  for (const owner of approvers) {
    const posted = await postDirect(client, owner.userId, buildAccessRequestMessage({ subscription, product, recipient: 'owner', now }));
    await deps.notices.add(subscription.id, { ...posted, view: 'owner' });
  }
  const received = await postDirect(client, subscription.requester.userId, buildRequestReceivedMessage({ subscription, product, now }));
  await deps.notices.add(subscription.id, { ...received, view: 'requester' });
}
