import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { context, message, section } from './block-kit';
import { code, escapeMrkdwn } from './mrkdwn';
import type { SlackMessage } from './slack-types';
import { STATUS_STYLE, statusBadge } from './subscription-facts';

/**
 * The requester's "request sent" message once the request has moved on: one line with the status,
 * since the outcome itself arrives as a new DM (which notifies) and should not be shown twice.
 */
export function buildRequestStatusNotice(subscription: Subscription, product: DataProduct): SlackMessage {
  const line = `${statusBadge(subscription.status)} Your request for *${escapeMrkdwn(product.name)}* (account ${code(subscription.consumerAccountId)})`;
  return message(`Your request ${subscription.id} is ${STATUS_STYLE[subscription.status].label}`, [
    section(subscription.status === 'CANCELLED' ? `${line} was cancelled.` : `${line} — details in the newest message.`),
    context(`Request ${code(subscription.id)} · ${code(`/mesh subscription ${subscription.id}`)}`),
  ]);
}
