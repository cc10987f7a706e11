import * as z from 'zod';
import type { DataProduct } from '../../mesh/domain/data-product';
import { PERMISSIONS, type Permission } from '../../mesh/domain/permission';
import { SubscriptionIdSchema, type ColumnFilter, type Subscription } from '../../mesh/domain/subscription';
import { modifiablePermissions } from '../../mesh/service/subscriptions/grant-decision';
import { ACTIONS, keyedActionId, VIEWS } from '../interaction-ids';
import { context, divider, option, plain, section } from '../blocks/block-kit';
import { modifyChangeText, modifyTermsText } from '../blocks/modify-confirmation-message';
import { code, escapeMrkdwn, truncateMrkdwn } from '../blocks/mrkdwn';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { ModalView } from '../blocks/slack-types';
import { PERMISSION_HINTS, tablesText } from '../blocks/subscription-facts';
import { grantOptionRule, previewSection, type DecisionPreview } from './approve-modal';
import { readPlanChoices } from './plan-choices';
import { checkboxes, COLUMN_MODE_OPTIONS, columnsInitialText, input, radios, textInput } from './input-blocks';
import {
  decodeMetadata,
  encodeMetadata,
  selectedValue,
  selectedValues,
  STALE_FORM,
  textValue,
  ViewStateValuesSchema,
  type BlockErrors,
  type ModalParseResult,
} from './view-state';

/** Block ids of the modify modal; the parser and the preview read them back. */
export const MODIFY_BLOCKS = {
  permissions: 'modify_permissions',
  columns: 'modify_columns',
  columnsMode: 'modify_columns_mode',
  reason: 'modify_reason',
  preview: 'modify_preview',
} as const;

/** The modify modal's `private_metadata`: the subscription and the version the form was built on. */
export const ModifyModalMetadataSchema = z.object({ subscriptionId: SubscriptionIdSchema, version: z.number().int().positive() });

/** What the modifier has chosen so far (columns still as typed). */
export interface ModifyDraft {
  permissions: Permission[];
  columnsText: string;
  columnsMode: 'include' | 'exclude';
  reason: string;
}

export interface ModifyModalInput {
  subscription: Subscription;
  product: DataProduct;
  /** The choices so far; by default, the subscription as it is. */
  draft?: ModifyDraft;
  /** The mesh's plan for the draft; absent: not computed. */
  preview?: DecisionPreview;
}

/** The subscription as it is, as a draft: its permissions and columns, no reason yet. */
export function initialModifyDraft(subscription: Subscription): ModifyDraft {
  return { permissions: [...subscription.grantedPermissions], columnsText: columnsInitialText(subscription.columns), columnsMode: subscription.columns?.kind ?? 'include', reason: '' };
}

/** The draft in a `block_actions` payload's `view.state.values`; what cannot be read keeps `fallback`'s value. */
export function readModifyDraft(values: unknown, fallback: ModifyDraft): ModifyDraft {
  const parsed = ViewStateValuesSchema.safeParse(values);
  if (!parsed.success) return fallback;
  const v = parsed.data;
  const has = (blockId: string): boolean => v[blockId] !== undefined;
  return {
    permissions: has(MODIFY_BLOCKS.permissions) ? PERMISSIONS.filter((p) => selectedValues(v, MODIFY_BLOCKS.permissions).includes(p)) : fallback.permissions,
    columnsText: has(MODIFY_BLOCKS.columns) ? textValue(v, MODIFY_BLOCKS.columns) : fallback.columnsText,
    columnsMode: has(MODIFY_BLOCKS.columnsMode) ? (selectedValue(v, MODIFY_BLOCKS.columnsMode) === 'exclude' ? 'exclude' : 'include') : fallback.columnsMode,
    reason: has(MODIFY_BLOCKS.reason) ? textValue(v, MODIFY_BLOCKS.reason) : fallback.reason,
  };
}

/** The preview: the terms before and after, and what the change adds and removes in Lake Formation (the mesh's plan). */
export function buildModifyPreviewText(subscription: Subscription, preview: DecisionPreview | undefined): string {
  if (preview === undefined) return '*After the change*\n_The preview could not be computed; the change is checked in full when you submit._';
  if (!preview.ok) return `*After the change*\n${preview.problem}`;
  const lines = ['*After the change*', modifyTermsText(subscription, preview.decision), '*What changes in Lake Formation*', modifyChangeText(subscription, preview.decision)];
  return truncateMrkdwn(lines.join('\n'), L.sectionText);
}

/**
 * The modify modal, from an active subscription's [Modify]: permissions within the product's offer
 * (and what it has), columns, a required reason, the grant-option rule, and a live preview of what
 * the mesh would change.
 */
export function buildModifyModal(modalInput: ModifyModalInput): ModalView {
  const { subscription: s, product } = modalInput;
  const draft = modalInput.draft ?? initialModifyDraft(s);
  const options = modifiablePermissions(product, s).map((p) => option(p, p, PERMISSION_HINTS[p]));
  const dispatchId = (key: string): string => keyedActionId(ACTIONS.modifyPreview, key);
  return {
    type: 'modal',
    callback_id: VIEWS.modify,
    private_metadata: encodeMetadata({ subscriptionId: s.id, version: s.version }),
    title: plain('Modify access', L.viewTitle),
    submit: plain('Modify', L.viewButton),
    close: plain('Cancel', L.viewButton),
    blocks: [
      section(`Account ${code(s.consumerAccountId)}'s access to ${tablesText(s.tables, 800, ', ', 5)} of *${escapeMrkdwn(product.name)}*`),
      input({ blockId: MODIFY_BLOCKS.permissions, label: 'Permissions', element: checkboxes(dispatchId('permissions'), options, draft.permissions), dispatch: true }),
      input({
        blockId: MODIFY_BLOCKS.columns,
        label: 'Columns',
        optional: true,
        element: textInput({ actionId: dispatchId('columns'), placeholder: 'Comma-separated names — empty for every column', initial: draft.columnsText, dispatchOnEnter: true }),
        hint: 'Press Enter to update the preview.',
        dispatch: true,
      }),
      input({ blockId: MODIFY_BLOCKS.columnsMode, label: 'The columns above are', optional: true, element: radios(dispatchId('columns_mode'), COLUMN_MODE_OPTIONS, draft.columnsMode), dispatch: true }),
      input({
        blockId: MODIFY_BLOCKS.reason,
        label: 'Why?',
        element: textInput({ actionId: 'reason', placeholder: 'e.g. the dashboard only needs two columns now', multiline: true, initial: draft.reason }),
        hint: 'Recorded in the history, and sent to the requester.',
      }),
      context(grantOptionRule(s.consumerAccountId)),
      divider(),
      previewSection(MODIFY_BLOCKS.preview, buildModifyPreviewText(s, modalInput.preview)),
    ],
  };
}

/** A submitted modify: the change, why, and the version it was chosen on. */
export interface ModifyModalSubmission {
  subscriptionId: string;
  version: number;
  permissions: Permission[];
  /** `null`: every column. */
  columns: ColumnFilter | null;
  reason: string;
}

const REASON_MAX = 4096;

/** Parses the modify modal: the change, or per-block errors. */
export function parseModifyModal(values: unknown, privateMetadata: string | undefined): ModalParseResult<ModifyModalSubmission> {
  const state = ViewStateValuesSchema.safeParse(values);
  const metadata = decodeMetadata(ModifyModalMetadataSchema, privateMetadata);
  if (!state.success || !metadata) return { ok: false, errors: { [MODIFY_BLOCKS.permissions]: STALE_FORM } };
  const v = state.data;
  const errors: BlockErrors = {};
  const plan = readPlanChoices(v, MODIFY_BLOCKS, 'Choose at least one permission — or revoke the subscription instead.', errors);
  const reason = textValue(v, MODIFY_BLOCKS.reason).trim();
  if (reason.length === 0) errors[MODIFY_BLOCKS.reason] = 'Say why the access changes — the requester will read it.';
  else if (reason.length > REASON_MAX) errors[MODIFY_BLOCKS.reason] = 'Keep the reason under 4,096 characters.';
  if (Object.keys(errors).length > 0 || plan === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: { subscriptionId: metadata.subscriptionId, version: metadata.version, permissions: plan.permissions, columns: plan.columns ?? null, reason },
  };
}
