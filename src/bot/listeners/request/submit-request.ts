import type { BotDeps } from '../../bot-deps';
import { signedAtMs } from '../../edge/delivery';
import { announceRequest } from '../../notify/announce-request';
import { postDirect } from '../../notify/slack-dm';
import { parseRequestModal } from '../../views/parse-request-modal';
import { scopeOf } from '../interaction/interaction-scope';
import { parsedSubmission } from '../interaction/parsed-submission';
import { submitWithinAck } from '../interaction/submit-within-ack';
import { replyError } from '../reply-error';
import { REQUEST_MODAL_TITLE } from './open-request-modal';
import { requestRefusalField } from './request-refusal-field';

/** The input blocks of a submitted view (only those can show an error). */
function inputBlocks(blocks: readonly { type: string; block_id?: string }[]): Set<string> {
  return new Set(blocks.flatMap((b) => (b.type === 'input' && b.block_id !== undefined ? [b.block_id] : [])));
}

/**
 * Submitted request modal: bad input is shown under its field; a valid request is recorded (PENDING)
 * before the modal closes, so a refusal of the mesh (an unoffered permission, an account the user
 * does not act for) is shown in the form too; then the owners get the request with the buttons and
 * the requester a "request sent" DM.
 */
export function requestSubmission(deps: BotDeps) {
  return parsedSubmission(parseRequestModal, async (submitted, { ack, body, view, client, context }) => {
    const at = signedAtMs(context);
    const { ctx, log } = scopeOf(deps, body);
    const blocks = inputBlocks(view.blocks);
    await submitWithinAck({
      deps,
      client,
      ack,
      ctx,
      log,
      title: REQUEST_MODAL_TITLE,
      work: deps.mesh.requestAccess(ctx, {
        productId: submitted.productId,
        consumerAccountId: submitted.consumerAccountId,
        tables: submitted.tables,
        permissions: submitted.permissions,
        justification: submitted.justification,
        ...(submitted.columns && { columns: submitted.columns }),
        ...(submitted.queryRoles && { queryPrincipals: submitted.queryRoles }),
        // A view is submitted once; a second delivery of the same submission is a replay.
        ...(at !== undefined && { idempotency: { key: `view-submission|${view.id}|${body.user.id}|${String(at)}`, atMs: at } }),
      }),
      fieldOf: (error) => requestRefusalField(error, blocks),
      then: async (result) => {
        if (result.replayed) return;
        log.info({ subscriptionId: result.subscription.id }, 'request recorded; telling the owners');
        try {
          await announceRequest(deps, client, ctx, result);
        } catch (error) {
          // The request is recorded (and in /mesh pending); only the messages about it are missing.
          await replyError(error, (message) => postDirect(client, ctx.user.userId, message), log.child({ subscriptionId: result.subscription.id }), deps.newId());
        }
      },
    });
  });
}
