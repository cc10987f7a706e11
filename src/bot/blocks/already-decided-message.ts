import type { Subscription } from '../../mesh/domain/subscription';
import { message, section } from './block-kit';
import { actorText, code, dateText } from './mrkdwn';
import type { SlackMessage } from './slack-types';
import { STATUS_STYLE, statusBadge } from './subscription-facts';

/** Where the too-late decision came from: a click on a message (whose copy the client may still show with its buttons), or elsewhere (a command, a modal, App Home). */
export interface AlreadyDecidedOptions {
  clickedMessage?: boolean;
}

/** Notice to whoever decided too late: who decided, when (in the reader's time zone), and the status now. */
export function buildAlreadyDecidedMessage(subscription: Subscription, options: AlreadyDecidedOptions = {}): SlackMessage {
  const s = subscription;
  // The decision when there was one; otherwise the last thing that happened (a cancel, an expiry).
  const last = s.history[s.history.length - 1];
  const actor = s.decidedBy ?? last?.actor;
  const at = s.decidedBy ? s.decidedAt : last?.at;
  const by = actor ? ` by ${actorText(actor)}${at ? ` ${dateText(at)}` : ''}` : '';
  const stale = options.clickedMessage === true ? ' If the message you clicked still shows its buttons, refresh Slack to see it as it is now.' : '';
  const text = `:information_source: Already decided${by}: request ${code(s.id)} is now ${statusBadge(s.status)}. Nothing more to do here.${stale}`;
  return message(`Request ${s.id} was already decided: ${STATUS_STYLE[s.status].label}`, [section(text)]);
}
