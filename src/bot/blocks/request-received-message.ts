import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { actions, context, fields, message, section } from './block-kit';
import { cancelButton } from './subscription-buttons';
import { code, escapeMrkdwn, joinCapped, mention } from './mrkdwn';
import { requestFields } from './request-summary';
import type { SlackMessage } from './slack-types';
import { grantSummary } from './subscription-facts';

export interface RequestReceivedInput {
  subscription: Subscription;
  product: DataProduct;
  now: Date;
}

/** DM to the requester once the request is recorded: its id, what happens next, and [Cancel request]. */
export function buildRequestReceivedMessage(input: RequestReceivedInput): SlackMessage {
  const { subscription: s, product } = input;
  const owners = joinCapped(product.owners.map((o) => mention(o).mrkdwn), ', ', 600, 5);
  const blocks = [
    section(`:inbox_tray: *Request sent* — ${escapeMrkdwn(grantSummary(s.requestedPermissions, s.tables, product.name))} for account ${code(s.consumerAccountId)}`),
    fields(requestFields(s, product)),
    section(
      `*What happens next*\nThe owners (${owners}) get your request and your reason. ` +
        'When one of them decides, I message you here — with the names to query once access is granted.',
    ),
    actions([cancelButton(s)], 'request_received'),
    context(`Request ${code(s.id)} · see it any time with ${code(`/mesh subscription ${s.id}`)}`),
  ];
  return message(`Request sent: ${escapeMrkdwn(grantSummary(s.requestedPermissions, s.tables, product.name))} (${s.id})`, blocks);
}
