import * as z from 'zod';
import type { BotDeps } from '../../bot-deps';
import { buildApproveWithChangesModal, initialApproveDraft, readApproveDraft } from '../../views/approve-modal';
import { SubscriptionModalMetadataSchema } from '../../views/parse-approve-modal';
import { decodeMetadata } from '../../views/view-state';
import { scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { previewDraft } from './decision-preview';

/** Slack's answer when the modal changed since the click was sent (a later change wins). */
const HashConflictSchema = z.object({ data: z.object({ error: z.literal('hash_conflict') }) });

/**
 * A change inside the approve-with-changes modal (permissions ticked, columns typed): ask the mesh
 * for the plan of the modal's state and show it as the "will be granted" preview. `hash` makes a
 * stale rebuild lose to a newer one.
 */
export function approvePreviewListener(deps: BotDeps) {
  return async ({ ack, body, client }: ClickArgs): Promise<void> => {
    await ack();
    const view = body.view;
    if (view === undefined) return;
    const metadata = decodeMetadata(SubscriptionModalMetadataSchema, view.private_metadata);
    if (metadata === undefined) return;
    const { ctx, log } = scopeOf(deps, body, metadata.subscriptionId);
    try {
      const subscription = await deps.mesh.getSubscription(ctx, { id: metadata.subscriptionId });
      const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
      const draft = readApproveDraft(view.state.values, initialApproveDraft(subscription));
      const preview = await previewDraft(deps, ctx, log, { id: subscription.id, kind: 'approve', draft });
      await client.views.update({ view_id: view.id, hash: view.hash, view: buildApproveWithChangesModal({ subscription, product, draft, preview }) });
    } catch (error) {
      if (HashConflictSchema.safeParse(error).success) {
        log.debug('preview superseded by a newer change');
        return;
      }
      // The preview is a convenience: the submission is checked in full anyway.
      log.warn({ err: error }, 'could not update the approve preview');
    }
  };
}
