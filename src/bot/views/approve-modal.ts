import type { DataProduct } from '../../mesh/domain/data-product';
import { PERMISSIONS, type Permission } from '../../mesh/domain/permission';
import type { Subscription } from '../../mesh/domain/subscription';
import { ACTIONS, keyedActionId, VIEWS } from '../interaction-ids';
import { divider, option, plain, section } from '../blocks/block-kit';
import { code, escapeMrkdwn, plural, truncate } from '../blocks/mrkdwn';
import { requestHeadline } from '../blocks/request-summary';
import { SLACK_LIMITS as L } from '../blocks/slack-limits';
import type { ModalView } from '../blocks/slack-types';
import { columnsText, PERMISSION_HINTS, permissionsText, tablesText } from '../blocks/subscription-facts';
import { checkboxes, COLUMN_MODE_OPTIONS, columnsInitialText, input, radios, textInput } from './input-blocks';
import { columnFilter, encodeMetadata, selectedValue, selectedValues, textValue, ViewStateValuesSchema } from './view-state';

/** Block ids of the approve-with-changes modal; the parser and the preview read them back. */
export const APPROVE_BLOCKS = {
  permissions: 'approve_permissions',
  grantable: 'approve_grantable',
  columns: 'approve_columns',
  columnsMode: 'approve_columns_mode',
  notes: 'approve_notes',
  preview: 'approve_preview',
} as const;

/** What the approver has chosen so far (as typed: columns are still text). */
export interface ApproveDraft {
  permissions: Permission[];
  grantable: Permission[];
  columnsText: string;
  columnsMode: 'include' | 'exclude';
  notes: string;
}

export interface ApproveModalInput {
  subscription: Subscription;
  product?: DataProduct;
  /** The choices so far; by default, the request as made. */
  draft?: ApproveDraft;
}

/** The request as made, as a draft: every requested permission, none grantable, the requested columns. */
export function initialApproveDraft(subscription: Subscription): ApproveDraft {
  return {
    permissions: [...subscription.requestedPermissions],
    grantable: subscription.grantablePermissions.filter((p) => subscription.requestedPermissions.includes(p)),
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
    grantable: has(APPROVE_BLOCKS.grantable) ? known(selectedValues(v, APPROVE_BLOCKS.grantable)) : fallback.grantable,
    columnsText: has(APPROVE_BLOCKS.columns) ? textValue(v, APPROVE_BLOCKS.columns) : fallback.columnsText,
    columnsMode: has(APPROVE_BLOCKS.columnsMode)
      ? selectedValue(v, APPROVE_BLOCKS.columnsMode) === 'exclude'
        ? 'exclude'
        : 'include'
      : fallback.columnsMode,
    notes: has(APPROVE_BLOCKS.notes) ? textValue(v, APPROVE_BLOCKS.notes) : fallback.notes,
  };
}

/** The "will be granted" preview: what Lake Formation would grant for this draft, and what differs from the request. */
export function buildApprovePreviewText(subscription: Subscription, draft: ApproveDraft): string {
  const s = subscription;
  const problems: string[] = [];
  const permissions = draft.permissions.filter((p) => s.requestedPermissions.includes(p));
  if (permissions.length === 0) problems.push('Choose at least one permission to grant.');
  const strayGrantable = draft.grantable.filter((p) => !permissions.includes(p));
  if (strayGrantable.length > 0) problems.push(`${strayGrantable.join(', ')} can only be grantable if it is granted.`);
  const columns = columnFilter(draft.columnsText, draft.columnsMode);
  if ('error' in columns) problems.push(`${columns.error}.`);

  const lines = [
    '*Will be granted*',
    `Account ${code(s.consumerAccountId)} gets *${permissionsText(permissions)}* on ${plural(s.tables.length, 'table')} of ${code(s.meshDatabase)}: ${tablesText(s.tables, 700, ', ', 5)}`,
    `Columns: ${'error' in columns ? '_to be fixed_' : columnsText(columns.filter)} · grantable: ${permissionsText(draft.grantable.filter((p) => permissions.includes(p)))}`,
  ];
  const dropped = s.requestedPermissions.filter((p) => !permissions.includes(p));
  if (dropped.length > 0) lines.push(`_Not granted, though requested: ${dropped.join(', ')}_`);
  if (!('error' in columns) && columnsText(columns.filter) !== columnsText(s.columns)) lines.push(`_Requested columns: ${columnsText(s.columns)}_`);
  for (const problem of problems) lines.push(`:warning: ${escapeMrkdwn(problem)}`);
  return lines.join('\n');
}

/**
 * The approve-with-changes modal: permissions (a subset of those requested, all preselected), grantable
 * permissions, columns, notes for the requester, and a live "will be granted" preview.
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
        blockId: APPROVE_BLOCKS.grantable,
        label: 'With grant option',
        optional: true,
        element: checkboxes(dispatchId('grantable'), permissionOptions, draft.grantable),
        hint: `Lets account ${s.consumerAccountId}'s data lake admins pass these on to its own users and roles.`,
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
      divider(),
      { ...section(buildApprovePreviewText(s, draft)), block_id: APPROVE_BLOCKS.preview },
    ],
  };
}

/** The modal rebuilt from its current state, for `views.update` on the `block_actions` its inputs send. */
export function rebuildApproveWithChangesModal(subscription: Subscription, values: unknown, product?: DataProduct): ModalView {
  const draft = readApproveDraft(values, initialApproveDraft(subscription));
  return buildApproveWithChangesModal({ subscription, ...(product ? { product } : {}), draft });
}
