import type { BotDeps } from '../../bot-deps';
import { buildApproveWithChangesModal, initialApproveDraft, readApproveDraft } from '../../views/approve-modal';
import { SubscriptionModalMetadataSchema } from '../../views/parse-approve-modal';
import { planPreviewListener } from './plan-preview-listener';

/** A change inside the approve-with-changes modal: its "will be granted" preview, from the mesh's plan. */
export function approvePreviewListener(deps: BotDeps) {
  return planPreviewListener(deps, {
    kind: 'approve',
    metadata: SubscriptionModalMetadataSchema,
    draftOf: (values, subscription) => readApproveDraft(values, initialApproveDraft(subscription)),
    build: ({ subscription, product, draft, preview }) => buildApproveWithChangesModal({ subscription, product, draft, preview }),
  });
}
