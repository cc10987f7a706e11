import type { BotDeps } from '../../bot-deps';
import { buildApproveWithChangesModal, initialApproveDraft } from '../../views/approve-modal';
import { previewDraft } from './decision-preview';
import { buildDenyModal } from '../../views/deny-modal';
import { buildRevokeModal } from '../../views/revoke-modal';
import { buttonValue, scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { openSubscriptionModal, type SubscriptionModalSpec } from './open-subscription-modal';
import { replyToClicker } from '../interaction/reply-to-clicker';

/** [Approve with changes]: permissions, columns and notes, with a live preview of the mesh's plan. */
export const APPROVE_WITH_CHANGES_MODAL: SubscriptionModalSpec = {
  title: 'Approve with changes',
  move: 'approve',
  build: async (subscription, product, { deps, ctx, log }) => {
    const draft = initialApproveDraft(subscription);
    const preview = await previewDraft(deps, ctx, log, { id: subscription.id, kind: 'approve', draft });
    return buildApproveWithChangesModal({ subscription, product, draft, preview });
  },
};

/** [Deny]: the reason the requester will read. */
export const DENY_MODAL: SubscriptionModalSpec = {
  title: 'Deny request',
  move: 'deny',
  build: (subscription, product) => buildDenyModal({ subscription, product }),
};

/** [Revoke]: what stops working, and why; shown only to those who may revoke (owners, admins, the consumer side). */
export const REVOKE_MODAL: SubscriptionModalSpec = {
  title: 'Revoke access',
  move: 'revoke',
  build: (subscription, product) => buildRevokeModal({ subscription, product }),
};

/** A click on a button that opens one of the subscription modals (once the mesh allows the clicker the move). */
export function openModalListener(deps: BotDeps, spec: SubscriptionModalSpec) {
  return async ({ ack, body, action, client, respond }: ClickArgs): Promise<void> => {
    await ack();
    const subscriptionId = buttonValue(action);
    const { ctx, log } = scopeOf(deps, body, subscriptionId);
    await openSubscriptionModal(deps, client, { triggerId: body.trigger_id, ctx, log, subscriptionId, reply: replyToClicker(client, body, respond, log), clickedMessage: body.container.type === 'message' }, spec);
  };
}
