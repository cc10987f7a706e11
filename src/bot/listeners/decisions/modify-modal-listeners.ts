import { subscriptionLockKey } from '../../../mesh/execute/grant-lock-key';
import type { BotDeps } from '../../bot-deps';
import { buildModifyModal, initialModifyDraft, MODIFY_BLOCKS, ModifyModalMetadataSchema, parseModifyModal, readModifyDraft } from '../../views/modify-modal';
import { parsedSubmission } from '../interaction/parsed-submission';
import { scopeOf } from '../interaction/interaction-scope';
import { submitWithinAck } from '../interaction/submit-within-ack';
import { refusalField } from '../refusal-field';
import { previewDraft } from './decision-preview';
import { planPreviewListener } from './plan-preview-listener';
import type { SubscriptionModalSpec } from './open-subscription-modal';

/** [Modify] on an active subscription: permissions, columns and a reason, with a live preview of the mesh's plan. */
export const MODIFY_MODAL: SubscriptionModalSpec = {
  title: 'Modify access',
  move: 'modify',
  build: async (subscription, product, { deps, ctx, log }) => {
    const draft = initialModifyDraft(subscription);
    const preview = await previewDraft(deps, ctx, log, { id: subscription.id, kind: 'modify', draft });
    return buildModifyModal({ subscription, product, draft, preview });
  },
};

/** A change inside the modify modal: the plan preview of what it changes, from the mesh. */
export function modifyPreviewListener(deps: BotDeps) {
  return planPreviewListener(deps, {
    kind: 'modify',
    metadata: ModifyModalMetadataSchema,
    draftOf: (values, subscription) => readModifyDraft(values, initialModifyDraft(subscription)),
    // The form stays on the version it was opened on: a change meanwhile is refused at submission.
    build: ({ subscription, product, draft, preview, metadata }) => buildModifyModal({ subscription: { ...subscription, version: metadata.version }, product, draft, preview }),
  });
}

/** The block of the modify modal a refusal's input path names. */
const MODIFY_BLOCK_OF: ReadonlyMap<string, string> = new Map([
  ['permissions', MODIFY_BLOCKS.permissions],
  ['columns', MODIFY_BLOCKS.columns],
  ['reason', MODIFY_BLOCKS.reason],
]);

/**
 * Submitted modify: checked in full by the mesh at once (the decider, the offer, the columns, and
 * that the subscription is still the version the form was opened on), so a refusal lands in the
 * modal; then the `modify` job changes the grants and tells everyone.
 */
export function modifySubmission(deps: BotDeps) {
  return parsedSubmission(parseModifyModal, async (submitted, { ack, body, client }) => {
    const { subscriptionId: id, version, permissions, columns, reason } = submitted;
    const { ctx, log } = scopeOf(deps, body, id);
    await submitWithinAck({
      deps,
      client,
      ack,
      ctx,
      log,
      title: MODIFY_MODAL.title,
      work: deps.mesh.previewDecision(ctx, { id, kind: 'modify', changes: { permissions, columns }, expectedVersion: version }),
      fieldOf: (error) => refusalField(error, (path) => MODIFY_BLOCK_OF.get(String(path[0] === 'changes' ? path[1] : path[0]))),
      then: async ({ subscription }) => {
        await deps.jobs.enqueue({ kind: 'modify', input: { id, permissions, columns, reason, expectedVersion: version }, ctx, group: subscriptionLockKey(subscription) });
        log.info('modify submitted; job queued');
      },
    });
  });
}
