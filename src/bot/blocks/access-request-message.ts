import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { actions, context, divider, header, message, section } from './block-kit';
import { code, escapeMrkdwn, mention } from './mrkdwn';
import {
  cancelText,
  expiredText,
  failureCountText,
  failureListText,
  grantedText,
  namesToQueryBlocks,
  revokeBlocks,
} from './request-outcome-parts';
import { decidedByText, reasonBlocks, requestSummaryBlocks } from './request-summary';
import { decisionButtons, modifyButton, retryButton, revokeButton } from './subscription-buttons';
import type { KnownBlock, SlackMessage } from './slack-types';
import { grantSummary, STATUS_STYLE, statusBadge } from './subscription-facts';

/** Why this person received the request: they own the product, or they are a mesh admin. */
export type ApproverRole = 'owner' | 'admin';

export interface AccessRequestMessageInput {
  subscription: Subscription;
  product: DataProduct;
  recipient: ApproverRole;
  now: Date;
}

/**
 * The request as its approvers see it, in every state: posted PENDING with [Approve] [Approve with
 * changes] [Deny], then updated in place (chat.update) as it is granted, fails, is denied or revoked.
 */
export function buildAccessRequestMessage(input: AccessRequestMessageInput): SlackMessage {
  const { subscription, product, recipient } = input;
  const blocks: KnownBlock[] = [
    header(`Access request · ${product.name}`),
    ...requestSummaryBlocks(subscription, product),
    divider(),
    ...stateBlocks(subscription),
    context(
      (recipient === 'owner' ? `You get this because you own ${code(product.id)}` : 'You get this because you are a mesh admin') +
        ` · request ${code(subscription.id)}`,
    ),
  ];
  return message(fallbackText(subscription, product), blocks);
}

function stateBlocks(s: Subscription): KnownBlock[] {
  switch (s.status) {
    case 'PENDING':
      return [section(`${statusBadge('PENDING')} — waiting for a decision`), actions(decisionButtons(s), 'request_decision')];
    case 'GRANTING':
      return [section(`${STATUS_STYLE.GRANTING.emoji} *Granting…* ${decidedByText(s, 'approved')}`), ...notes(s)];
    case 'ACTIVE':
      return [
        section(`${statusBadge('ACTIVE')} — ${decidedByText(s, 'approved')}\n${grantedText(s)}`),
        ...notes(s),
        ...namesToQueryBlocks(s, `Account ${code(s.consumerAccountId)} queries:`),
        actions([modifyButton(s), revokeButton(s)], 'request_active'),
      ];
    case 'MODIFYING':
      return [section(`${STATUS_STYLE.MODIFYING.emoji} *Changing the grant…* ${decidedByText(s, 'approved')}\n${grantedText(s)}`), ...notes(s)];
    case 'FAILED':
      return [
        section(`${statusBadge('FAILED')} — ${decidedByText(s, 'approved')}, but ${failureCountText(s)}. *Retry* grants only what is still missing.`),
        section(failureListText(s)),
        actions([retryButton(s)], 'request_failed'),
      ];
    case 'DENIED':
      return [section(`${statusBadge('DENIED')} ${decidedByText(s, '')}`), ...notes(s, 'Why it was denied')];
    case 'CANCELLED':
      return [section(`${statusBadge('CANCELLED')}${cancelText(s)} — nothing to do`)];
    case 'EXPIRED':
      return [section(`${statusBadge('EXPIRED')}${expiredText(s)} — nobody decided in time; the requester can ask again`)];
    case 'REVOKING':
      return revokeBlocks(s, `${STATUS_STYLE.REVOKING.emoji} *Revoking…*`);
    case 'REVOKED':
      return revokeBlocks(s, statusBadge('REVOKED'));
  }
}

function notes(s: Subscription, label = 'Notes'): KnownBlock[] {
  return s.decisionNotes ? reasonBlocks(label, s.decisionNotes) : [];
}

function fallbackText(s: Subscription, product: DataProduct): string {
  const what = escapeMrkdwn(grantSummary(s.requestedPermissions, s.tables, product.name));
  if (s.status === 'PENDING') {
    return `${mention(s.requester).mrkdwn} requests ${what} for account ${s.consumerAccountId}`;
  }
  return `Access request of ${mention(s.requester).mrkdwn} for ${escapeMrkdwn(product.name)}: ${STATUS_STYLE[s.status].label}`;
}
