import * as z from 'zod';
import type { BotDeps } from '../../bot-deps';
import { rebuildApproveWithChangesModal } from '../../views/approve-modal';
import { SubscriptionModalMetadataSchema } from '../../views/parse-approve-modal';
import { decodeMetadata } from '../../views/view-state';
import { scopeOf, type ClickArgs } from '../interaction/interaction-scope';

/** Slack's answer when the modal changed since the click was sent (a later change wins). */
const HashConflictSchema = z.object({ data: z.object({ error: z.literal('hash_conflict') }) });

/**
 * A change inside the approve-with-changes modal (permissions ticked, columns typed): rebuild the
 * "will be granted" preview from the modal's state. `hash` makes a stale rebuild lose to a newer one.
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
      await client.views.update({ view_id: view.id, hash: view.hash, view: rebuildApproveWithChangesModal(subscription, view.state.values, product) });
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
