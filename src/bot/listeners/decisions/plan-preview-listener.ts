import * as z from 'zod';
import type { DataProduct } from '../../../mesh/domain/data-product';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { DecisionKind } from '../../../mesh/service/subscriptions/prepare-decision';
import type { ModalView } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import type { DecisionPreview } from '../../views/approve-modal';
import { decodeMetadata } from '../../views/view-state';
import { scopeOf, type ClickArgs } from '../interaction/interaction-scope';
import { previewDraft, type PlanDraft } from './decision-preview';

/** Slack's answer when the modal changed since the click was sent (a later change wins). */
const HashConflictSchema = z.object({ data: z.object({ error: z.literal('hash_conflict') }) });

/** A decision modal with a live plan preview: what its metadata holds, how its draft is read, and how it is rebuilt. */
export interface PlanPreviewSpec<M extends { subscriptionId: string }, D extends PlanDraft> {
  kind: DecisionKind;
  metadata: z.ZodType<M>;
  draftOf: (values: unknown, subscription: Subscription) => D;
  build: (input: { subscription: Subscription; product: DataProduct; draft: D; preview: DecisionPreview; metadata: M }) => ModalView;
}

/**
 * A change inside a decision modal (permissions ticked, columns typed): ask the mesh for the plan of
 * the modal's state (`previewDecision`, the code the submission runs) and show it. `hash` makes a
 * stale rebuild lose to a newer one; the submission is checked in full anyway.
 */
export function planPreviewListener<M extends { subscriptionId: string }, D extends PlanDraft>(deps: BotDeps, spec: PlanPreviewSpec<M, D>) {
  return async ({ ack, body, client }: ClickArgs): Promise<void> => {
    await ack();
    const view = body.view;
    if (view === undefined) return;
    const metadata = decodeMetadata(spec.metadata, view.private_metadata);
    if (metadata === undefined) return;
    const { ctx, log } = scopeOf(deps, body, metadata.subscriptionId);
    try {
      const subscription = await deps.mesh.getSubscription(ctx, { id: metadata.subscriptionId });
      const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
      const draft = spec.draftOf(view.state.values, subscription);
      const preview = await previewDraft(deps, ctx, log, { id: subscription.id, kind: spec.kind, draft });
      await client.views.update({ view_id: view.id, hash: view.hash, view: spec.build({ subscription, product, draft, preview, metadata }) });
    } catch (error) {
      if (HashConflictSchema.safeParse(error).success) {
        log.debug('preview superseded by a newer change');
        return;
      }
      log.warn({ err: error, kind: spec.kind }, 'could not update the plan preview');
    }
  };
}
