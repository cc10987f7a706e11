import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { ACTIONS, actionIdPattern, VIEWS } from '../interaction-ids';
import { approveListener } from './decisions/approve';
import { approvePreviewListener } from './decisions/approve-preview';
import { cancelListener } from './decisions/cancel';
import { approveWithChangesSubmission, denySubmission, revokeSubmission } from './decisions/decision-submissions';
import { APPROVE_WITH_CHANGES_MODAL, DENY_MODAL, openModalListener, REVOKE_MODAL } from './decisions/open-decision-modals';
import { modifyCancelListener, modifyConfirmListener } from './decisions/modify-confirm';
import { MODIFY_MODAL, modifyPreviewListener, modifySubmission } from './decisions/modify-modal-listeners';
import { retryListener } from './decisions/retry';

/**
 * Register the decisions on a request or subscription — approve, approve with changes (and its live
 * preview), deny, revoke, retry, cancel, modify (its modal and preview, and the command's confirmation) — from messages and App Home alike (keyed action ids).
 */
export function registerDecisionListeners(app: App, deps: BotDeps): void {
  app.action<BlockAction>(actionIdPattern(ACTIONS.approve), approveListener(deps));
  app.action<BlockAction>(actionIdPattern(ACTIONS.approveWithChanges), openModalListener(deps, APPROVE_WITH_CHANGES_MODAL));
  app.action<BlockAction>(actionIdPattern(ACTIONS.approvePreview), approvePreviewListener(deps));
  app.action<BlockAction>(actionIdPattern(ACTIONS.deny), openModalListener(deps, DENY_MODAL));
  app.action<BlockAction>(actionIdPattern(ACTIONS.revoke), openModalListener(deps, REVOKE_MODAL));
  app.action<BlockAction>(actionIdPattern(ACTIONS.retry), retryListener(deps));
  app.action<BlockAction>(actionIdPattern(ACTIONS.cancel), cancelListener(deps));
  app.view<ViewSubmitAction>(VIEWS.approveWithChanges, approveWithChangesSubmission(deps));
  app.view<ViewSubmitAction>(VIEWS.deny, denySubmission(deps));
  app.view<ViewSubmitAction>(VIEWS.revoke, revokeSubmission(deps));
  app.action<BlockAction>(actionIdPattern(ACTIONS.modify), openModalListener(deps, MODIFY_MODAL));
  app.action<BlockAction>(actionIdPattern(ACTIONS.modifyPreview), modifyPreviewListener(deps));
  app.action<BlockAction>(actionIdPattern(ACTIONS.modifyConfirm), modifyConfirmListener(deps));
  app.action<BlockAction>(actionIdPattern(ACTIONS.modifyCancel), modifyCancelListener(deps));
  app.view<ViewSubmitAction>(VIEWS.modify, modifySubmission(deps));
}
