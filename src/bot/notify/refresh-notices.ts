import type { webApi } from '@slack/bolt';
import type { Subscription } from '../../mesh/domain/subscription';
import type { Caller } from '../../mesh/service/request-context';
import type { NoticeRef } from '../../mesh/store/notice-store';
import { buildAccessRequestMessage } from '../blocks/access-request-message';
import { buildRequestReceivedMessage } from '../blocks/request-received-message';
import { buildRequestStatusNotice } from '../blocks/request-status-notice';
import type { SlackMessage } from '../blocks/slack-types';
import type { BotDeps } from '../bot-deps';

/**
 * Update every message that shows a subscription to its current state (chat.update), wherever it was
 * posted: approvers see the request with the buttons still possible, the requester its own view.
 * One message that cannot be updated (deleted, channel archived) does not stop the others.
 */
export async function refreshNotices(deps: BotDeps, client: webApi.WebClient, ctx: Caller, subscription: Subscription): Promise<void> {
  const refs = await deps.notices.list(subscription.id);
  if (refs.length === 0) return;
  const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
  const now = new Date(deps.clock());
  const render = (ref: NoticeRef): SlackMessage => {
    if (ref.view === 'requester') {
      return subscription.status === 'PENDING' ? buildRequestReceivedMessage({ subscription, product, now }) : buildRequestStatusNotice(subscription, product);
    }
    return buildAccessRequestMessage({ subscription, product, recipient: ref.view ?? 'owner', now });
  };
  for (const ref of refs) {
    const message = render(ref);
    try {
      await client.chat.update({ channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks });
    } catch (error) {
      deps.logger.warn({ err: error, subscriptionId: subscription.id, channel: ref.channel }, 'could not update a message about the subscription');
    }
  }
}
