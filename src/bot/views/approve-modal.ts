import type { DataProduct } from '../../mesh/domain/data-product';
import { PERMISSIONS, type Permission } from '../../mesh/domain/permission';
import type { ColumnFilter, Subscription } from '../../mesh/domain/subscription';
import type { GrantChanges, GrantDecision } from '../../mesh/service/subscriptions/grant-decision';
import { ACTIONS, keyedActionId, VIEWS } from '../interaction-ids';
import { context, divider, option, plain, section } from '../blocks/block-kit';
import { planEntryLines, planLinesCapped } from '../blocks/grant-plan-text';
import { code, escapeMrkdwn, truncate, truncateMrkdwn } from '../blocks/mrkdwn';
import { requestHeadline } from '../blocks/request-summary';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { ModalView, SectionBlock } from '../blocks/slack-types';
import { columnsText, PERMISSION_HINTS } from '../blocks/subscription-facts';
import { checkboxes, COLUMN_MODE_OPTIONS, columnsInitialText, input, radios, textInput } from './input-blocks';
import { columnFilter, encodeMetadata, selectedValue, selectedValues, textValue, ViewStateValuesSchema } from './view-state';

/** Block ids of the approve-with-changes modal; the parser and the preview read them back. */
export const APPROVE_BLOCKS = {
  permissions: 'approve_permissions',
  columns: 'approve_columns',
  columnsMode: 'approve_columns_mode',
  notes: 'approve_notes',
  preview: 'approve_preview',
} as const;

/** What the approver has chosen so far (as typed: columns are still text). */
export interface ApproveDraft {
  permissions: Permission[];
  columnsText: string;
  columnsMode: 'include' | 'exclude';
  notes: string;
}

/**
 * The plan the mesh would carry out for the draft (`previewDecision`), or why it would refuse it
 * (one mrkdwn line, the refusal as the submission would word it).
 */
export type DecisionPreview = { ok: true; decision: GrantDecision } | { ok: false; problem: string };

export interface ApproveModalInput {
  subscription: Subscription;
  product?: DataProduct;
  /** The choices so far; by default, the request as made. */
  draft?: ApproveDraft;
  /** The mesh's plan for the draft; absent: not computed (the modal says so). */
  preview?: DecisionPreview;
}

/** The request as made, as a draft: every requested permission, the requested columns. */
export function initialApproveDraft(subscription: Subscription): ApproveDraft {
  return {
    permissions: [...subscription.requestedPermissions],
    columnsText: columnsInitialText(subscription.columns),
    columnsMode: subscription.columns?.kind ?? 'include',
    notes: subscription.decisionNotes ?? '',
  };
}

/** The draft in a `block_actions` payload's `view.state.values`; what cannot be read keeps `fallback`'s value. */
export function readApproveDraft(values: unknown, fallback: ApproveDraft): ApproveDraft {
  const parsed = ViewStateValuesSchema.safeParse(values);
  if (!parsed.success) return fallback;
  const v = parsed.data;
  const known = (list: string[]): Permission[] => PERMISSIONS.filter((p) => list.includes(p));
  const has = (blockId: string): boolean => v[blockId] !== undefined;
  return {
    permissions: has(APPROVE_BLOCKS.permissions) ? known(selectedValues(v, APPROVE_BLOCKS.permissions)) : fallback.permissions,
    columnsText: has(APPROVE_BLOCKS.columns) ? textValue(v, APPROVE_BLOCKS.columns) : fallback.columnsText,
    columnsMode: has(APPROVE_BLOCKS.columnsMode)
      ? selectedValue(v, APPROVE_BLOCKS.columnsMode) === 'exclude'
        ? 'exclude'
        : 'include'
      : fallback.columnsMode,
    notes: has(APPROVE_BLOCKS.notes) ? textValue(v, APPROVE_BLOCKS.notes) : fallback.notes,
  };
}

/**
 * The changes a draft asks of the mesh, exactly as its submission would send them (an emptied
 * columns field means every column), or the problem that keeps it from being sent.
 */
export function draftChanges(draft: { permissions: readonly Permission[]; columnsText: string; columnsMode: string }): { changes: GrantChanges } | { problem: string } {
  const columns = columnFilter(draft.columnsText, draft.columnsMode);
  if ('error' in columns) return { problem: `${columns.error}.` };
  return { changes: { permissions: [...draft.permissions], columns: columns.filter ?? null } };
}

/** Plan lines shown at most, so the preview fits one section (3,000 characters). */
const MAX_PLAN_LINES = 25;

/** The plan entry by entry, as the preview shows it (the property test compares it with the stored plan). */
export function planPreviewLines(decision: Pick<GrantDecision, 'plan'>): string[] {
  return planLinesCapped(planEntryLines(decision.plan), MAX_PLAN_LINES);
}

function sameColumns(a: ColumnFilter | undefined, b: ColumnFilter | undefined): boolean {
  return columnsText(a) === columnsText(b);
}

/** The "will be granted" preview: the mesh's plan for the draft, entry by entry, and what differs from the request. */
export function buildApprovePreviewText(subscription: Subscription, preview: DecisionPreview | undefined): string {
  const s = subscription;
  if (preview === undefined) return '*Will be granted*\n_The preview could not be computed; the approval is checked in full when you submit._';
  if (!preview.ok) return `*Will be granted*\n${preview.problem}`;
  const { decision } = preview;
  const lines = [`*Will be granted* to account ${code(s.consumerAccountId)}, exactly as Lake Formation will be asked:`, ...planPreviewLines(decision)];
  const dropped = s.requestedPermissions.filter((p) => !decision.grantedPermissions.includes(p));
  if (dropped.length > 0) lines.push(`_Not granted, though requested: ${dropped.join(', ')}_`);
  if (!sameColumns(decision.columns, s.columns)) lines.push(`_Requested columns: ${columnsText(s.columns)}_`);
  return truncateMrkdwn(lines.join('\n'), L.sectionText);
}

/** Why every grant carries the grant option: one line under the choices, instead of a box that would change nothing. */
export function grantOptionRule(consumerAccountId: string): string {
  return (
    `Account ${code(consumerAccountId)} gets every permission with the grant option: Lake Formation needs it on grants to another account, ` +
    'so that the account’s data lake admins can grant its own query roles.'
  );
}

/** The preview section, under its block id. */
export function previewSection(blockId: string, text: string): SectionBlock {
  return { ...section(text), block_id: blockId };
}

/**
 * The approve-with-changes modal: permissions (a subset of those requested, all preselected),
 * columns, notes for the requester, the grant-option rule, and a live "will be granted" preview
 * of the mesh's own plan.
 */
export function buildApproveWithChangesModal(modalInput: ApproveModalInput): ModalView {
  const { subscription: s, product } = modalInput;
  const draft = modalInput.draft ?? initialApproveDraft(s);
  const permissionOptions = s.requestedPermissions.map((p) => option(p, p, PERMISSION_HINTS[p]));
  const dispatchId = (key: string): string => keyedActionId(ACTIONS.approvePreview, key);
  return {
    type: 'modal',
    callback_id: VIEWS.approveWithChanges,
    private_metadata: encodeMetadata({ subscriptionId: s.id }),
    title: plain('Approve with changes', L.viewTitle),
    submit: plain('Approve', L.viewButton),
    close: plain('Cancel', L.viewButton),
    blocks: [
      section(`${requestHeadline(s, product)}\n>${escapeMrkdwn(truncate(s.justification.replace(/\s+/g, ' '), 400))}`),
      input({
        blockId: APPROVE_BLOCKS.permissions,
        label: 'Grant these permissions',
        element: checkboxes(dispatchId('permissions'), permissionOptions, draft.permissions),
        dispatch: true,
      }),
      input({
        blockId: APPROVE_BLOCKS.columns,
        label: 'Columns',
        optional: true,
        element: textInput({
          actionId: dispatchId('columns'),
          placeholder: 'Comma-separated names — empty for every column',
          initial: draft.columnsText,
          dispatchOnEnter: true,
        }),
        hint: 'Press Enter to update the preview.',
        dispatch: true,
      }),
      input({
        blockId: APPROVE_BLOCKS.columnsMode,
        label: 'The columns above are',
        optional: true,
        element: radios(dispatchId('columns_mode'), COLUMN_MODE_OPTIONS, draft.columnsMode),
        dispatch: true,
      }),
      input({
        blockId: APPROVE_BLOCKS.notes,
        label: 'Notes for the requester',
        optional: true,
        element: textInput({ actionId: 'notes', placeholder: 'Why these changes, conditions of use…', multiline: true, initial: draft.notes }),
      }),
      context(grantOptionRule(s.consumerAccountId)),
      divider(),
      previewSection(APPROVE_BLOCKS.preview, buildApprovePreviewText(s, modalInput.preview)),
    ],
  };
}
