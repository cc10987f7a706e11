import type { HistoryEntry, Subscription } from '../../mesh/domain/subscription';
import { approvalDifferenceList, deltaList, deltaText, removedText } from './access-delta-text';
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

/** Who revoked (or is revoking), what went and why, from the history. */
export function revokeBlocks(subscription: Subscription, headline: string): KnownBlock[] {
  const entry = lastEvent(subscription, 'revoke');
  const by = entry ? ` by ${actorText(entry.actor)} ${dateText(entry.at)}` : '';
  const removed = entry?.delta ? `\n*Removed:* ${removedText(entry.delta)}` : '';
  return [section(`${headline}${by}${removed}`), ...(entry?.note ? reasonBlocks('Why', entry.note) : [])];
}

/** The decision behind what the subscription gives now: its approval, or the modify since. */
export function lastGrantDecision(subscription: Subscription): HistoryEntry | undefined {
  return lastEvent(subscription, 'approve', 'modify');
}

/** How the approval differs from the request (what was not granted though requested, the columns narrowed…), if it does. */
export function approvalDifferenceBlocks(subscription: Subscription): KnownBlock[] {
  const delta = lastEvent(subscription, 'approve')?.delta;
  return delta ? [section(`*Not as you asked:*\n${approvalDifferenceList(delta)}`)] : [];
}

/** `by <@U> <date>`, then what the modify changes, one part a line, and the reason it was given. */
export function modifyBlocks(entry: HistoryEntry, headline: string): KnownBlock[] {
  const what = entry.delta ? `:\n${deltaList(entry.delta)}` : ' — the grants are the same as before.';
  return [section(`${headline} by ${actorText(entry.actor)} ${dateText(entry.at)}${what}`), ...(entry.note ? reasonBlocks('Why', entry.note) : [])];
}

/** `by <@U>: − DESCRIBE; columns …` on one line, for a status sentence. */
export function modifyInline(entry: HistoryEntry): string {
  return `by ${actorText(entry.actor)}${entry.delta ? ` (${deltaText(entry.delta)})` : ''}`;
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
