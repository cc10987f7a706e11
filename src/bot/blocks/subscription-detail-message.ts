import type { DataProduct } from '../../mesh/domain/data-product';
import type { HistoryEntry, Subscription } from '../../mesh/domain/subscription';
import { deltaText } from './access-delta-text';
import { context, fields, header, message, section } from './block-kit';
import { actorText, code, dateText, escapeMrkdwn, joinCapped, mention, plural, truncate } from './mrkdwn';
import { failureListText, namesToQueryBlocks } from './request-outcome-parts';
import { reasonBlocks } from './request-summary';
import type { KnownBlock, SlackMessage } from './slack-types';
import { columnsText, permissionsText, queryRolesText, STATUS_STYLE, statusBadge, tablesText } from './subscription-facts';

export interface SubscriptionDetailInput {
  subscription: Subscription;
  product?: DataProduct;
}

const EVENT_LABEL: Record<HistoryEntry['event'], string> = {
  request: 'Requested',
  approve: 'Approved',
  deny: 'Denied',
  cancel: 'Cancelled',
  expire: 'Expired',
  'grant-succeeded': 'Granted',
  'grant-failed': 'Grant failed',
  'share-pending': 'Waiting for the RAM share',
  retry: 'Retried',
  modify: 'Modified',
  'modify-succeeded': 'Change made',
  revoke: 'Revoke requested',
  'revoke-succeeded': 'Revoked',
};

/**
 * One history line: `• <date> *Modified* by <@U> (Active → Modifying): − DESCRIBE; columns only `a`, `b` → only `a` — note`;
 * an approval's delta is how it differs from the request.
 */
function historyLine(entry: HistoryEntry): string {
  const move = entry.from ? `${STATUS_STYLE[entry.from].label} → ${STATUS_STYLE[entry.to].label}` : STATUS_STYLE[entry.to].label;
  const delta = entry.delta ? `: ${entry.event === 'approve' ? 'not as requested, ' : ''}${deltaText(entry.delta, 400)}` : '';
  const note = entry.note ? ` — _${escapeMrkdwn(truncate(entry.note.replace(/\s+/g, ' '), 200))}_` : '';
  return `• ${dateText(entry.at, '{date_short_pretty} {time}')} *${EVENT_LABEL[entry.event]}* by ${actorText(entry.actor)} (${move})${delta}${note}`;
}

/** The history as a timeline, oldest first; when long, the latest events and a count of earlier ones. */
function historyText(history: readonly HistoryEntry[], max = 2900, maxLines = 20): string {
  const lines: string[] = [];
  let length = 40;
  for (let i = history.length - 1; i >= 0 && lines.length < maxLines; i -= 1) {
    const entry = history[i];
    if (!entry) continue;
    const line = historyLine(entry);
    if (length + line.length + 1 > max) break;
    lines.unshift(line);
    length += line.length + 1;
  }
  const earlier = history.length - lines.length;
  return (earlier > 0 ? `_${plural(earlier, 'earlier event')} not shown_\n` : '') + lines.join('\n');
}

/** Everything about one subscription: facts, reason, decision, names to query, failures, shares and the history timeline. */
export function buildSubscriptionDetailMessage(input: SubscriptionDetailInput): SlackMessage {
  const { subscription: s, product } = input;
  const decided = s.decidedBy ? `${actorText(s.decidedBy)}${s.decidedAt ? `\n${dateText(s.decidedAt)}` : ''}` : '_not yet_';
  const granted =
    s.grantedPermissions.length > 0
      ? `${permissionsText(s.grantedPermissions)}${s.grantablePermissions.length > 0 ? `\ngrantable: ${permissionsText(s.grantablePermissions)}` : ''}`
      : '_none_';
  const blocks: KnownBlock[] = [
    header(`Subscription · ${product?.name ?? s.productId}`),
    section(`${statusBadge(s.status)} · account ${code(s.consumerAccountId)}, requested by ${mention(s.requester).mrkdwn}`),
    fields([
      `*${plural(s.tables.length, 'table')}* of ${code(s.meshDatabase)}\n${tablesText(s.tables, 1700, '\n', 8)}`,
      `*Columns*\n${columnsText(s.columns, 1800)}`,
      `*Requested*\n${permissionsText(s.requestedPermissions)}`,
      `*Granted*\n${granted}`,
      `*Requested at*\n${dateText(s.createdAt)}`,
      `*Decided by*\n${decided}`,
    ]),
    ...reasonBlocks('Reason', s.justification),
    ...(s.decisionNotes ? reasonBlocks('Decision notes', s.decisionNotes) : []),
  ];
  if (s.status === 'ACTIVE') blocks.push(section(`*Who can query:* ${queryRolesText(s)}`), ...namesToQueryBlocks(s, '*Names to query*'));
  if (s.status === 'FAILED') blocks.push(section(`*Failed grants*\n${failureListText(s, 10)}`));
  if (s.plan.length > 0 || s.ramShares.length > 0) {
    const shares = s.ramShares.length > 0 ? ` · RAM shares: ${joinCapped(s.ramShares.map(code), ', ', 1500, 5)}` : '';
    blocks.push(section(`*Grant plan:* ${plural(s.plan.length, 'Lake Formation entry', 'Lake Formation entries')}${shares}`));
  }
  blocks.push(section(`*History*\n${historyText(s.history)}`));
  blocks.push(context(`Subscription ${code(s.id)} · version ${s.version} · updated ${dateText(s.updatedAt)}`));
  return message(`Subscription ${s.id} to ${escapeMrkdwn(s.productId)}: ${STATUS_STYLE[s.status].label}`, blocks);
}
