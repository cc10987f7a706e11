import type { RequestContext } from '../mesh/service/request-context';

/** The Slack fields every payload kind carries about who acts, under one of their names. */
export interface SlackActorFields {
  user_id?: string;
  team_id?: string;
  user?: { id: string; team_id?: string } | string;
  team?: { id: string } | null;
  /** A click: the button or menu (its action id names what was done). */
  actions?: readonly { action_id: string }[];
  /** A modal: submitted when `type` is `view_submission` (its callback id names the form). */
  type?: string;
  view?: { callback_id?: string } | null;
}

/**
 * The mesh request context of a Slack payload: the acting user with their workspace (a click from
 * another workspace is another user), a fresh request id for logs and the STS session name, and
 * which button or form it came from (for the log lines).
 */
export function contextOf(body: SlackActorFields, newId: () => string): RequestContext {
  const userId = typeof body.user === 'string' ? body.user : (body.user?.id ?? body.user_id ?? '');
  const teamId = (typeof body.user === 'object' ? body.user.team_id : undefined) ?? body.team?.id ?? body.team_id ?? '';
  const action = body.actions?.[0]?.action_id ?? (body.type === 'view_submission' ? body.view?.callback_id : undefined);
  return { user: { teamId, userId }, requestId: newId(), ...(action !== undefined && { origin: { action } }) };
}
