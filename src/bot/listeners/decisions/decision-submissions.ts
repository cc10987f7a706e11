import type { BotDeps } from '../../bot-deps';
import { subscriptionLockKey } from '../../../mesh/execute/grant-lock-key';
import { APPROVE_BLOCKS } from '../../views/approve-modal';
import { parseApproveWithChangesModal } from '../../views/parse-approve-modal';
import { parseDenyModal, parseRevokeModal } from '../../views/parse-reason-modal';
import { refusalField } from '../refusal-field';
import { APPROVE_WITH_CHANGES_MODAL, DENY_MODAL, REVOKE_MODAL } from './open-decision-modals';
import { scopeOf } from '../interaction/interaction-scope';
import { parsedSubmission } from '../interaction/parsed-submission';
import { showChange } from '../../notify/show-change';
import { submitWithinAck } from '../interaction/submit-within-ack';

/** The block of the approve modal for each of the approval's changes (a refusal's path names one, inside `changes` or not). */
const APPROVE_BLOCK_OF_CHANGE: ReadonlyMap<string, string> = new Map([
  ['permissions', APPROVE_BLOCKS.permissions],
  ['columns', APPROVE_BLOCKS.columns],
  ['notes', APPROVE_BLOCKS.notes],
]);

/** Which field of the approve modal a refusal of the mesh concerns, from its input path. */
function approveFieldOf(error: unknown): string | undefined {
  return refusalField(error, (path) => APPROVE_BLOCK_OF_CHANGE.get(String(path[0] === 'changes' ? path[1] : path[0])));
}

/** Submitted approve-with-changes: approve with exactly what the form says, then as [Approve]. */
export function approveWithChangesSubmission(deps: BotDeps) {
  return parsedSubmission(parseApproveWithChangesModal, async (submitted, { ack, body, client }) => {
    const { subscriptionId: id, permissions, columns, notes } = submitted;
    const { ctx, log } = scopeOf(deps, body, id);
    await submitWithinAck({
      deps,
      client,
      ack,
      ctx,
      log,
      title: APPROVE_WITH_CHANGES_MODAL.title,
      // An emptied columns field means every column, even if the request named some.
      work: deps.mesh.approveRequest(ctx, { id, changes: { permissions, columns: columns ?? null, ...(notes !== undefined && { notes }) } }),
      fieldOf: approveFieldOf,
      then: async (approved) => {
        log.info({ permissions: approved.subscription.grantedPermissions }, 'approved with changes; grant job queued');
        await showChange(deps, client, ctx, approved, log);
        await deps.jobs.enqueue({ kind: 'grant', id, ctx, group: subscriptionLockKey(approved.subscription) });
      },
    });
  });
}

/** Submitted deny: record it with the reason, update every copy, tell the requester why. */
export function denySubmission(deps: BotDeps) {
  return parsedSubmission(parseDenyModal, async (submitted, { ack, body, client }) => {
    const { subscriptionId: id, reason } = submitted;
    const { ctx, log } = scopeOf(deps, body, id);
    await submitWithinAck({
      deps,
      client,
      ack,
      ctx,
      log,
      title: DENY_MODAL.title,
      work: deps.mesh.denyRequest(ctx, { id, reason }),
      then: async (denied) => {
        log.info('denied');
        await showChange(deps, client, ctx, denied, log, { tell: true });
        // The Homes off the submission's path: the messages and the DM are shown already.
        await deps.jobs.enqueue({ kind: 'refresh', id, requestId: ctx.requestId, homesOnly: true });
      },
    });
  });
}

/**
 * Submitted revoke: once the mesh allows the submitter the revoke of the subscription as it is now
 * (a refusal shows in the modal, and nothing is queued), the revoke job revokes the grants and deletes
 * the links, then tells everyone.
 */
export function revokeSubmission(deps: BotDeps) {
  return parsedSubmission(parseRevokeModal, async (submitted, { ack, body, client }) => {
    const { subscriptionId: id, reason } = submitted;
    const { ctx, log } = scopeOf(deps, body, id);
    await submitWithinAck({
      deps,
      client,
      ack,
      ctx,
      log,
      title: REVOKE_MODAL.title,
      work: deps.mesh.checkMove(ctx, { id, move: 'revoke' }),
      then: async ({ subscription }) => {
        await deps.jobs.enqueue({ kind: 'revoke', id, reason, ctx, group: subscriptionLockKey(subscription) });
        log.info('revoke job queued');
      },
    });
  });
}
