import type { Subscription } from '../../mesh/domain/subscription';
import { actorText, ageText, code, dateText, mention, plural } from './mrkdwn';
import { failedEntries, lastEvent, namesToQuery, permissionsText, STATUS_STYLE, tablesText } from './subscription-facts';

/**
 * One subscription as a line of facts: status, product → account, permissions, tables, who, when;
 * for an active one the first names to query.
 */
export function subscriptionRowText(s: Subscription, now: Date, options: { names?: boolean } = {}): string {
  const style = STATUS_STYLE[s.status];
  const permissions = permissionsText(s.status === 'PENDING' || s.grantedPermissions.length === 0 ? s.requestedPermissions : s.grantedPermissions);
  const lines = [
    `${style.emoji} *${style.label}* · ${code(s.productId)} → ${code(s.consumerAccountId)} · ${code(s.id)}`,
    `${permissions} on ${tablesText(s.tables, 400, ', ', 3)}`,
    whenText(s, now),
  ];
  if (options.names === true && s.status === 'ACTIVE') {
    const names = namesToQuery(s);
    if (names.length > 0) lines.push(`Query: ${names.slice(0, 3).map((n) => code(n)).join(', ')}${names.length > 3 ? ` +${names.length - 3} more` : ''}`);
  }
  return lines.join('\n');
}

function whenText(s: Subscription, now: Date): string {
  const requested = `requested by ${mention(s.requester).mrkdwn} ${dateText(s.createdAt, '{date_short_pretty}')}`;
  switch (s.status) {
    case 'PENDING':
      return `${requested} · waiting ${ageText(s.createdAt, now)}`;
    case 'ACTIVE':
    case 'MODIFYING':
    case 'GRANTING':
    case 'DENIED':
      return s.decidedBy
        ? `${requested} · ${s.status === 'DENIED' ? 'denied' : 'approved'} by ${actorText(s.decidedBy)} ${dateText(s.decidedAt ?? s.updatedAt, '{date_short_pretty}')}`
        : requested;
    case 'FAILED':
      return `${requested} · ${plural(failedEntries(s).length, 'grant')} failed`;
    default: {
      // Who ended it matters more than the worker that finished the job.
      const entry = lastEvent(s, 'cancel', 'expire', 'revoke') ?? s.history[s.history.length - 1];
      const by = entry && 'userId' in entry.actor ? ` by ${actorText(entry.actor)}` : '';
      return `${requested} · ${STATUS_STYLE[s.status].label.toLowerCase()}${by} ${dateText(entry?.at ?? s.updatedAt, '{date_short_pretty}')}`;
    }
  }
}
