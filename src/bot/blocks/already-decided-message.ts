import type { Subscription } from '../../mesh/domain/subscription';
import { message, section } from './block-kit';
import { actorText, code, dateText } from './mrkdwn';
import type { SlackMessage } from './slack-types';
import { STATUS_STYLE, statusBadge } from './subscription-facts';

/** Ephemeral notice to whoever clicked too late: who decided, when, and the status now. */
export function buildAlreadyDecidedMessage(subscription: Subscription): SlackMessage {
  const s = subscription;
  // The decision when there was one; otherwise the last thing that happened (a cancel, an expiry).
  const last = s.history[s.history.length - 1];
  const actor = s.decidedBy ?? last?.actor;
  const at = s.decidedBy ? s.decidedAt : last?.at;
  const by = actor ? ` by ${actorText(actor)}${at ? ` ${dateText(at)}` : ''}` : '';
  const text = `:information_source: Already decided${by}: request ${code(s.id)} is now ${statusBadge(s.status)}. Nothing more to do here.`;
  return message(`Request ${s.id} was already decided: ${STATUS_STYLE[s.status].label}`, [section(text)]);
}
