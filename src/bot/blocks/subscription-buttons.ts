import type { Subscription } from '../../mesh/domain/subscription';
import { ACTIONS, type ActionId } from '../interaction-ids';
import { button, confirmDialog } from './block-kit';
import type { Button } from './slack-types';
import { grantSummary } from './subscription-facts';

// The buttons acting on one subscription; value: its id. `actionId` maps a base id to the one to emit,
// so a list or App Home that repeats them can keep action ids unique (see `keyedActionId`).

type ActionIdOf = (base: ActionId) => string;
const AS_IS: ActionIdOf = (base) => base;

/** Plain-text sentence of what approving grants, for the confirm dialog. */
function approvalSentence(subscription: Subscription): string {
  const s = subscription;
  const columns = s.columns
    ? `${s.columns.kind === 'include' ? 'only columns' : 'all columns but'} ${s.columns.names.join(', ')}`
    : 'all columns';
  return (
    `Account ${s.consumerAccountId} gets ${grantSummary(s.requestedPermissions, s.tables, s.meshDatabase)} (${columns}). ` +
    'Lake Formation grants it right away.'
  );
}

/** [Approve] (with a confirm dialog summarising the grant) [Approve with changes] [Deny]. */
export function decisionButtons(subscription: Subscription, actionId: ActionIdOf = AS_IS): Button[] {
  return [
    button({
      text: 'Approve',
      actionId: actionId(ACTIONS.approve),
      value: subscription.id,
      style: 'primary',
      confirm: confirmDialog({ title: 'Approve this request?', text: approvalSentence(subscription), confirm: 'Approve', style: 'primary' }),
    }),
    button({ text: 'Approve with changes', actionId: actionId(ACTIONS.approveWithChanges), value: subscription.id }),
    button({ text: 'Deny', actionId: actionId(ACTIONS.deny), value: subscription.id, style: 'danger' }),
  ];
}

/** [Retry] on a failed grant. */
export function retryButton(subscription: Subscription, actionId: ActionIdOf = AS_IS): Button {
  return button({ text: 'Retry', actionId: actionId(ACTIONS.retry), value: subscription.id, style: 'primary' });
}

/** [Modify] on an active subscription, for its owners and admins; it opens the modify modal (permissions, columns, why). */
export function modifyButton(subscription: Subscription, actionId: ActionIdOf = AS_IS): Button {
  return button({ text: 'Modify', actionId: actionId(ACTIONS.modify), value: subscription.id });
}

/** [Revoke] on an active subscription; it opens the revoke modal, which asks why. */
export function revokeButton(subscription: Subscription, actionId: ActionIdOf = AS_IS): Button {
  return button({ text: 'Revoke', actionId: actionId(ACTIONS.revoke), value: subscription.id, style: 'danger' });
}

/** [Cancel request] for the requester of a pending request, with a confirm dialog. */
export function cancelButton(subscription: Subscription, actionId: ActionIdOf = AS_IS): Button {
  const s = subscription;
  return button({
    text: 'Cancel request',
    actionId: actionId(ACTIONS.cancel),
    value: s.id,
    confirm: confirmDialog({
      title: 'Cancel this request?',
      text: `The owners will no longer be asked to decide on ${grantSummary(s.requestedPermissions, s.tables, s.meshDatabase)}.`,
      confirm: 'Cancel request',
      deny: 'Keep it',
      style: 'danger',
    }),
  });
}
