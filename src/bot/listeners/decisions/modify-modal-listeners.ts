import * as z from 'zod';
import { subscriptionLockKey } from '../../../mesh/execute/grant-lock-key';
import type { BotDeps } from '../../bot-deps';
import { buildModifyModal, initialModifyDraft, MODIFY_BLOCKS, ModifyModalMetadataSchema, parseModifyModal, readModifyDraft } from '../../views/modify-modal';
import { decodeMetadata } from '../../views/view-state';
import { parsedSubmission } from '../interaction/parsed-submission';
import { scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { submitWithinAck } from '../interaction/submit-within-ack';
import { refusalField } from '../refusal-field';
import { previewDraft } from './decision-preview';
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

/** Slack's answer when the modal changed since the click was sent (a later change wins). */
const HashConflictSchema = z.object({ data: z.object({ error: z.literal('hash_conflict') }) });

/** A change inside the modify modal: ask the mesh for the plan of the modal's state and show what it changes. */
export function modifyPreviewListener(deps: BotDeps) {
  return async ({ ack, body, client }: ClickArgs): Promise<void> => {
    await ack();
    const view = body.view;
    if (view === undefined) return;
    const metadata = decodeMetadata(ModifyModalMetadataSchema, view.private_metadata);
    if (metadata === undefined) return;
    const { ctx, log } = scopeOf(deps, body, metadata.subscriptionId);
    try {
      const subscription = await deps.mesh.getSubscription(ctx, { id: metadata.subscriptionId });
      const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
      const draft = readModifyDraft(view.state.values, initialModifyDraft(subscription));
      const preview = await previewDraft(deps, ctx, log, { id: subscription.id, kind: 'modify', draft });
      // The form stays on the version it was opened on: a change meanwhile is refused at submission.
      await client.views.update({ view_id: view.id, hash: view.hash, view: buildModifyModal({ subscription: { ...subscription, version: metadata.version }, product, draft, preview }) });
    } catch (error) {
      if (HashConflictSchema.safeParse(error).success) {
        log.debug('preview superseded by a newer change');
        return;
      }
      log.warn({ err: error }, 'could not update the modify preview');
    }
  };
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
