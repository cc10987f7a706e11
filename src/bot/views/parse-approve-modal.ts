import * as z from 'zod';
import type { Permission } from '../../mesh/domain/permission';
import { SubscriptionIdSchema, type ColumnFilter } from '../../mesh/domain/subscription';
import { APPROVE_BLOCKS } from './approve-modal';
import { readPlanChoices } from './plan-choices';
import {
  decodeMetadata,
  STALE_FORM,
  textValue,
  ViewStateValuesSchema,
  type BlockErrors,
  type ModalParseResult,
} from './view-state';

/** The `private_metadata` of the approve, deny and revoke modals, e.g. `{"subscriptionId":"01JD…"}`. */
export const SubscriptionModalMetadataSchema = z.object({ subscriptionId: SubscriptionIdSchema });

/** A submitted approve-with-changes: what to grant instead of the request as made. */
export interface ApproveModalSubmission {
  subscriptionId: string;
  permissions: Permission[];
  columns?: ColumnFilter;
  notes?: string;
}

const NOTES_MAX = 4096;

/** Parses the approve-with-changes modal: the decision, or per-block errors. */
export function parseApproveWithChangesModal(values: unknown, privateMetadata: string | undefined): ModalParseResult<ApproveModalSubmission> {
  const state = ViewStateValuesSchema.safeParse(values);
  const metadata = decodeMetadata(SubscriptionModalMetadataSchema, privateMetadata);
  if (!state.success || !metadata) return { ok: false, errors: { [APPROVE_BLOCKS.permissions]: STALE_FORM } };
  const v = state.data;
  const errors: BlockErrors = {};

  const plan = readPlanChoices(v, APPROVE_BLOCKS, 'Choose at least one permission to grant — or deny the request instead.', errors);

  const notes = textValue(v, APPROVE_BLOCKS.notes).trim();
  if (notes.length > NOTES_MAX) errors[APPROVE_BLOCKS.notes] = 'Keep the notes under 4,096 characters.';

  if (Object.keys(errors).length > 0 || plan === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      subscriptionId: metadata.subscriptionId,
      permissions: plan.permissions,
      ...(plan.columns ? { columns: plan.columns } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    },
  };
}
