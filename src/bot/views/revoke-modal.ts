import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { VIEWS } from '../interaction-ids';
import { context, plain, section } from '../blocks/block-kit';
import { code, escapeMrkdwn, mention } from '../blocks/mrkdwn';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { ModalView } from '../blocks/slack-types';
import { namesToQuery, permissionsText, tablesText } from '../blocks/subscription-facts';
import { input, textInput } from './input-blocks';
import { encodeMetadata } from './view-state';

/** Block id of the revoke modal's reason. */
export const REVOKE_BLOCKS = { reason: 'revoke_reason' } as const;

export interface RevokeModalInput {
  subscription: Subscription;
  product?: DataProduct;
}

/** The revoke modal: what the consumer loses, what stops working, and a required reason. */
export function buildRevokeModal({ subscription: s, product }: RevokeModalInput): ModalView {
  const names = namesToQuery(s);
  const stops = names.length > 0 ? `\nQueries on ${tablesText(names, 600, ', ', 3)} stop working at once.` : '';
  const productName = product ? `*${escapeMrkdwn(product.name)}*` : code(s.productId);
  return {
    type: 'modal',
    callback_id: VIEWS.revoke,
    private_metadata: encodeMetadata({ subscriptionId: s.id }),
    title: plain('Revoke access', L.viewTitle),
    submit: plain('Revoke', L.viewButton),
    close: plain('Cancel', L.viewButton),
    blocks: [
      section(
        `:warning: Account ${code(s.consumerAccountId)} loses *${permissionsText(s.grantedPermissions)}* on ` +
          `${tablesText(s.tables, 800, ', ', 5)} of ${productName}.${stops}\n${mention(s.requester).mrkdwn} is told, with your reason.`,
      ),
      input({
        blockId: REVOKE_BLOCKS.reason,
        label: 'Why are you revoking it?',
        element: textInput({ actionId: 'reason', placeholder: 'e.g. the project ended; the data is being retired', multiline: true }),
        hint: 'The requester reads this, and it stays on the record.',
      }),
      context(`Subscription ${code(s.id)} · the record is kept; revoking archives it`),
    ],
  };
}
