/**
 * The `action_id`s of buttons and the `callback_id`s of modals: one source for the Block Kit builders
 * that emit them, the listeners that match them, and the manifest test.
 */
export const ACTIONS = {
  /** Product card → opens the request modal; value: the product id. */
  requestAccess: 'mesh_request_access',
  /** Request message buttons; value: the subscription id. */
  approve: 'mesh_approve',
  approveWithChanges: 'mesh_approve_with_changes',
  deny: 'mesh_deny',
  /** On a FAILED subscription; value: the subscription id. */
  retry: 'mesh_retry',
  /** On an ACTIVE subscription; value: the subscription id (opens the revoke modal). */
  revoke: 'mesh_revoke',
  /** On a PENDING request, for its requester; value: the subscription id. */
  cancel: 'mesh_cancel',
  /** Pagination of long lists; value: an opaque cursor. */
  nextPage: 'mesh_next_page',
  /** Request modal, catalogs of more than 100 tables: the `multi_external_select` whose options the bot serves. */
  requestTablesSearch: 'mesh_request_tables_search',
  /** Approve-with-changes modal: an input changed; the listener rebuilds the "will be granted" preview. */
  approvePreview: 'mesh_approve_preview',
  /** A publish that would change a product with subscribers: apply it; value: the publish and the effect confirmed (PublishConfirmValue). */
  publishConfirm: 'mesh_publish_confirm',
  /** The same question: do not publish. */
  publishCancel: 'mesh_publish_cancel',
  /** On an ACTIVE subscription, for its owners and admins; value: the subscription id (opens the modify modal). */
  modify: 'mesh_modify',
  /** Modify modal: an input changed; the listener rebuilds the plan preview. */
  modifyPreview: 'mesh_modify_preview',
  /** `/mesh modify`'s confirmation; value: the change as JSON (`ModifyConfirmValueSchema`). */
  modifyConfirm: 'mesh_modify_confirm',
  /** `/mesh modify`'s confirmation: drop it, nothing changes. */
  modifyCancel: 'mesh_modify_cancel',
} as const;

/** Modals, by `callback_id`; their `private_metadata` carries the ids they act on. */
export const VIEWS = {
  request: 'mesh_request_modal',
  approveWithChanges: 'mesh_approve_modal',
  deny: 'mesh_deny_modal',
  revoke: 'mesh_revoke_modal',
  modify: 'mesh_modify_modal',
} as const;

/**
 * The `action_id` of a button repeated in one message or view (lists, App Home): `<base>:<key>`,
 * because Slack wants action ids unique there. The value still carries the id acted on.
 */
export function keyedActionId(base: ActionId, key: string): string {
  return `${base}:${key}`.slice(0, 255);
}

/** Matches `base` and its keyed variants, for `app.action(actionIdPattern(ACTIONS.approve), …)`. */
export function actionIdPattern(base: ActionId): RegExp {
  return new RegExp(`^${base}(?::.*)?$`);
}

/** The one slash command. */
export const COMMAND = '/mesh';

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
