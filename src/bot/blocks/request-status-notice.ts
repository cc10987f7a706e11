import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { context, message, section } from './block-kit';
import { actorText, code, escapeMrkdwn } from './mrkdwn';
import { lastGrantDecision } from './request-outcome-parts';
import type { SlackMessage } from './slack-types';
import { STATUS_STYLE, statusBadge } from './subscription-facts';

/** `, approved with changes` or `, changed by <@U>` when the access is not simply what was asked for. */
function howDecided(subscription: Subscription): string {
  if (subscription.status === 'REVOKING' || subscription.status === 'REVOKED') return '';
  const decision = lastGrantDecision(subscription);
  if (decision?.event === 'modify') return `, changed by ${actorText(decision.actor)}`;
  return decision?.delta ? ', approved with changes' : '';
}

/**
 * The requester's "request sent" message once the request has moved on: one line with the status,
 * since the outcome itself arrives as a new DM (which notifies) and should not be shown twice.
 */
export function buildRequestStatusNotice(subscription: Subscription, product: DataProduct): SlackMessage {
  const line = `${statusBadge(subscription.status)} Your request for *${escapeMrkdwn(product.name)}* (account ${code(subscription.consumerAccountId)})`;
  return message(`Your request ${subscription.id} is ${STATUS_STYLE[subscription.status].label}`, [
    section(subscription.status === 'CANCELLED' ? `${line} was cancelled.` : `${line}${howDecided(subscription)} — details in the newest message.`),
    context(`Request ${code(subscription.id)} · ${code(`/mesh subscription ${subscription.id}`)}`),
  ]);
}
