import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { VIEWS } from '../interaction-ids';
import { context, plain, section } from '../blocks/block-kit';
import { code, escapeMrkdwn, truncate } from '../blocks/mrkdwn';
import { requestHeadline } from '../blocks/request-summary';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { ModalView } from '../blocks/slack-types';
import { grantSummary } from '../blocks/subscription-facts';
import { input, textInput } from './input-blocks';
import { encodeMetadata } from './view-state';

/** Block id of the deny modal's reason. */
export const DENY_BLOCKS = { reason: 'deny_reason' } as const;

export interface DenyModalInput {
  subscription: Subscription;
  product?: DataProduct;
}

/** The deny modal: the request in brief, and a required reason the requester will read. */
export function buildDenyModal({ subscription: s, product }: DenyModalInput): ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.deny,
    private_metadata: encodeMetadata({ subscriptionId: s.id }),
    title: plain('Deny request', L.viewTitle),
    submit: plain('Deny', L.viewButton),
    close: plain('Cancel', L.viewButton),
    blocks: [
      section(
        `${requestHeadline(s, product)}: ${escapeMrkdwn(grantSummary(s.requestedPermissions, s.tables, s.meshDatabase))}\n` +
          `>${escapeMrkdwn(truncate(s.justification.replace(/\s+/g, ' '), 400))}`,
      ),
      input({
        blockId: DENY_BLOCKS.reason,
        label: 'Why are you denying it?',
        element: textInput({ actionId: 'reason', placeholder: 'What is missing, or what would make it acceptable', multiline: true }),
        hint: 'The requester gets this in their DM, and it stays on the record.',
      }),
      context(`Request ${code(s.id)}`),
    ],
  };
}
