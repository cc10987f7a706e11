import type { Subscription } from '../../mesh/domain/subscription';
import { section } from './block-kit';
import { actorText, code, dateText, joinCapped, plural } from './mrkdwn';
import { reasonBlocks } from './request-summary';
import type { KnownBlock } from './slack-types';
import { failedEntries, failedEntryText, lastEvent, namesBlockText, namesToQuery, permissionsText } from './subscription-facts';

// Blocks describing what became of a request, shared by the owners' message and the requester's DMs.

/** The failed plan entries, one line each with its cause in words, who can fix it and the moves, capped at `maxLines`. */
export function failureListText(subscription: Subscription, maxLines = 5): string {
  const failed = failedEntries(subscription);
  if (failed.length === 0) return '_No entry failed; the grant stopped before finishing._';
  const lines = failed.map(failedEntryText);
  return joinCapped(lines, '\n', 2700, maxLines);
}

/** `N of M grants failed`. */
export function failureCountText(subscription: Subscription): string {
  return `${failedEntries(subscription).length} of ${plural(subscription.plan.length, 'grant')} failed`;
}

/** The names to query, as a copyable code block with a sample query. */
export function namesToQueryBlocks(subscription: Subscription, intro: string): KnownBlock[] {
  const names = namesToQuery(subscription);
  if (names.length === 0) {
    return [section(`${intro}\n_The resource links in account ${code(subscription.consumerAccountId)} are still being created._`)];
  }
  const first = names[0] ?? '';
  return [section(`${intro}\n${namesBlockText(names)}\nFor example: ${code(`SELECT * FROM ${first} LIMIT 10`)}`)];
}

/** `*Granted:* SELECT · *grantable:* none`. */
export function grantedText(subscription: Subscription): string {
  const grantable = subscription.grantablePermissions.length > 0 ? ` · *grantable:* ${permissionsText(subscription.grantablePermissions)}` : '';
  return `*Granted:* ${permissionsText(subscription.grantedPermissions)}${grantable}`;
}

/** Who revoked (or is revoking) and why, from the history. */
export function revokeBlocks(subscription: Subscription, headline: string): KnownBlock[] {
  const entry = lastEvent(subscription, 'revoke');
  const by = entry ? ` by ${actorText(entry.actor)} ${dateText(entry.at)}` : '';
  return [section(`${headline}${by}`), ...(entry?.note ? reasonBlocks('Why', entry.note) : [])];
}

/** Who cancelled and when, from the history. */
export function cancelText(subscription: Subscription): string {
  const entry = lastEvent(subscription, 'cancel');
  return entry ? ` by ${actorText(entry.actor)} ${dateText(entry.at)}` : '';
}

/** When the request expired, from the history. */
export function expiredText(subscription: Subscription): string {
  const entry = lastEvent(subscription, 'expire');
  return entry ? ` ${dateText(entry.at)}` : '';
}
