import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { actions, context, message, section } from './block-kit';
import type { ApproverRole } from './access-request-message';
import { ageText, code, escapeMrkdwn, mention } from './mrkdwn';
import { requestSummaryBlocks } from './request-summary';
import { decisionButtons } from './subscription-buttons';
import type { SlackMessage } from './slack-types';

export interface PendingReminderInput {
  subscription: Subscription;
  product: DataProduct;
  recipient: ApproverRole;
  now: Date;
}

/** DM to an approver about a request still pending: how long it has waited, the request, and the buttons. */
export function buildPendingReminderMessage(input: PendingReminderInput): SlackMessage {
  const { subscription: s, product, recipient, now } = input;
  const waited = ageText(s.createdAt, now);
  const blocks = [
    section(`:alarm_clock: *Reminder* — this request has waited ${waited} for a decision.`),
    ...requestSummaryBlocks(s, product),
    actions(decisionButtons(s), 'reminder_decision'),
    context(
      `${recipient === 'owner' ? `You own ${code(product.id)}` : 'You are a mesh admin'} · request ${code(s.id)} · ` +
        `all pending: ${code('/mesh pending')}`,
    ),
  ];
  return message(`Reminder: ${mention(s.requester).mrkdwn} has waited ${waited} for access to ${escapeMrkdwn(product.name)}`, blocks);
}
