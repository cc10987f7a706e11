import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { deltaText, removedText } from './access-delta-text';
import { context, message, section } from './block-kit';
import { code, escapeMrkdwn, mention } from './mrkdwn';
import { failureCountText, grantedText } from './request-outcome-parts';
import type { SlackMessage } from './slack-types';
import { columnsText, lastEvent, STATUS_STYLE, statusBadge } from './subscription-facts';

export interface ChangeDoneInput {
  subscription: Subscription;
  product: DataProduct;
  /** The command that asked for it (default modify or revoke, by the status reached). */
  asked?: 'retry';
}

/**
 * The answer promised to whoever modified, revoked or retried a subscription by command ("You are
 * told here…"), once the job is done: what changed and what it gives now, or what did not get done.
 */
export function buildChangeDoneMessage({ subscription: s, product, asked }: ChangeDoneInput): SlackMessage {
  const which = `subscription ${code(s.id)} (*${escapeMrkdwn(product.name)}* for account ${code(s.consumerAccountId)})`;
  const requester = mention(s.requester).mrkdwn;
  let line: string;
  switch (asked === 'retry' && s.status !== 'FAILED' ? 'RETRIED' : s.status) {
    case 'RETRIED':
      line = `${statusBadge(s.status)} Retried ${which}: it is ${STATUS_STYLE[s.status].label}${s.status === 'ACTIVE' ? ` — *now:* ${grantedText(s)} · *columns:* ${columnsText(s.columns)}` : ''}. ${requester} was told.`;
      break;
    case 'ACTIVE': {
      const delta = lastEvent(s, 'modify')?.delta;
      line = `:white_check_mark: Changed ${which}${delta ? `: ${deltaText(delta)}` : ' — the grants are the same as before'}.\n*Now:* ${grantedText(s)} · *columns:* ${columnsText(s.columns)}. ${requester} was told.`;
      break;
    }
    case 'REVOKED': {
      const delta = lastEvent(s, 'revoke')?.delta;
      line = `${STATUS_STYLE.REVOKED.emoji} Revoked ${which}${delta ? ` — removed ${removedText(delta)}` : ''}. ${requester} was told, with your reason.`;
      break;
    }
    case 'FAILED':
      line = `${statusBadge('FAILED')} The ${asked === 'retry' ? 'retry' : 'change'} of ${which} is not complete: ${failureCountText(s)}. Retry it with ${code(`/mesh retry ${s.id}`)}.`;
      break;
    default:
      line = `${statusBadge(s.status)} ${which} is now ${STATUS_STYLE[s.status].label}.`;
  }
  return message(`Subscription ${s.id}: ${STATUS_STYLE[s.status].label}`, [section(line), context(`${code(`/mesh subscription ${s.id}`)} shows its history`)]);
}
