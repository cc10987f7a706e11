import { namesToQuery as meshNamesToQuery } from '../../mesh/service/subscriptions/link-layout';
import type { GrantEntry, EntryResult } from '../../mesh/domain/grant-entry';
import type { Permission } from '../../mesh/domain/permission';
import { roleNameOf } from '../../mesh/domain/query-principal';
import type { ColumnFilter, HistoryEntry, Subscription } from '../../mesh/domain/subscription';
import type { SubscriptionEvent, SubscriptionStatus } from '../../mesh/domain/subscription-status';
import { failureCause, fixerText, isKnownFailureCode, type FailureMove } from './failure-cause';
import { code, escapeMrkdwn, joinCapped, plural, truncate } from './mrkdwn';

// Facts about a subscription as the builders show them: the same words in every message, list and view.

/** Emoji and label of a status, e.g. `:large_green_circle:` `Active`. */
export const STATUS_STYLE: Record<SubscriptionStatus, { emoji: string; label: string }> = {
  PENDING: { emoji: ':hourglass_flowing_sand:', label: 'Pending' },
  GRANTING: { emoji: ':gear:', label: 'Granting' },
  ACTIVE: { emoji: ':large_green_circle:', label: 'Active' },
  MODIFYING: { emoji: ':gear:', label: 'Modifying' },
  DENIED: { emoji: ':no_entry:', label: 'Denied' },
  CANCELLED: { emoji: ':heavy_minus_sign:', label: 'Cancelled' },
  EXPIRED: { emoji: ':alarm_clock:', label: 'Expired' },
  REVOKING: { emoji: ':gear:', label: 'Revoking' },
  REVOKED: { emoji: ':black_circle:', label: 'Revoked' },
  FAILED: { emoji: ':warning:', label: 'Failed' },
};

/** `:large_green_circle: *Active*`. */
export function statusBadge(status: SubscriptionStatus): string {
  const style = STATUS_STYLE[status];
  return `${style.emoji} *${style.label}*`;
}

/** What each permission lets the consumer do, for option descriptions. */
export const PERMISSION_HINTS: Record<Permission, string> = {
  SELECT: 'Read rows',
  DESCRIBE: 'See the table and its columns',
  INSERT: 'Add rows',
  DELETE: 'Delete rows',
  ALTER: 'Change the table definition',
  DROP: 'Delete the table',
  ALL: 'Every permission on the table',
};

/** `SELECT, DESCRIBE` (or `none`). */
export function permissionsText(permissions: readonly Permission[]): string {
  return permissions.length > 0 ? permissions.join(', ') : 'none';
}

/** `all columns`, `only \`a\`, \`b\``, `all but \`ssn\``. */
export function columnsText(columns: ColumnFilter | undefined, max = 600): string {
  if (!columns) return 'all columns';
  const names = joinCapped(columns.names.map(code), ', ', max - 12, 20);
  return columns.kind === 'include' ? `only ${names}` : `all but ${names}`;
}

/** Table names in code, capped: `` `usecase1`, `usecase2` +3 more ``. */
export function tablesText(tables: readonly string[], max = 600, separator = ', ', maxItems = 10): string {
  return joinCapped(tables.map(code), separator, max, maxItems);
}

/** `SELECT on 2 tables of telco-111111111111` (plain text, for confirmations and notifications). */
export function grantSummary(permissions: readonly Permission[], tables: readonly string[], database: string): string {
  const what = tables.length === 1 ? `table ${tables[0] ?? ''}` : plural(tables.length, 'table');
  return `${permissionsText(permissions)} on ${what} of ${database}`;
}

/**
 * The names the consumer queries, from the resource links created for it, in the one form every
 * message shows (`queryName`): `"telco-111111111111"."usecase1_cell_kpis"`.
 */
export function namesToQuery(subscription: Subscription): string[] {
  return meshNamesToQuery(subscription);
}

/** The names to query as a copyable code block, capped at `maxNames` lines and `max` units. */
export function namesBlockText(names: readonly string[], max = 2400, maxNames = 25): string {
  const lines: string[] = [];
  let length = 8;
  for (const name of names.slice(0, maxNames)) {
    const line = escapeMrkdwn(name);
    if (length + line.length + 1 > max - 20) break;
    lines.push(line);
    length += line.length + 1;
  }
  const rest = names.length - lines.length;
  return '```' + lines.join('\n') + '```' + (rest > 0 ? `\n_+${rest} more — \`/mesh subscription &lt;id&gt;\` lists them all_` : '');
}

/** The latest history entry for one of `events`, newest first. */
export function lastEvent(subscription: Subscription, ...events: readonly (SubscriptionEvent | 'request')[]): HistoryEntry | undefined {
  for (let i = subscription.history.length - 1; i >= 0; i -= 1) {
    const entry = subscription.history[i];
    if (entry && events.includes(entry.event)) return entry;
  }
  return undefined;
}

/** A plan entry that failed the last time it ran, with its result. */
export interface FailedEntry {
  entry: GrantEntry;
  result: EntryResult;
}

/** The plan entries whose last result is FAILED, in plan order. */
export function failedEntries(subscription: Subscription): FailedEntry[] {
  const out: FailedEntry[] = [];
  for (const entry of subscription.plan) {
    const result = subscription.results[entry.Id];
    if (result?.outcome === 'FAILED') out.push({ entry, result });
  }
  return out;
}

const MOVE_LABEL: Record<FailureMove, string> = { retry: '*Retry*', revoke: '*Revoke*' };

/**
 * A failed entry for people: the target and permissions, the cause in words, who can fix it and the
 * moves, then the AWS code for whoever looks it up, e.g.
 * `` • `usecase1_cell_kpis` SELECT: Lake Formation refused: … _Who can fix it: the producer account's admin, then *Retry*; or *Revoke*._ (`AccessDeniedException`) ``.
 */
export function failedEntryText({ entry, result }: FailedEntry): string {
  const { cause, fixer, moves } = failureCause(result.errorCode);
  const who = fixerText(fixer);
  const [first, ...others] = moves.map((m) => MOVE_LABEL[m]);
  const then = who === undefined ? `Nothing to fix: ${first ?? ''}` : `Who can fix it: ${who}, then ${first ?? ''}`;
  const what = `_${then}${others.length > 0 ? `; or ${others.join(', ')}` : ''}._`;
  // An unknown code keeps AWS's own words, cut short: they are all there is to go on.
  const detail = !isKnownFailureCode(result.errorCode) && result.errorMessage ? ` — ${escapeMrkdwn(truncate(result.errorMessage.replace(/\s+/g, ' '), 160))}` : '';
  return `• ${code(entryTarget(entry))} ${entry.Permissions.join(', ')}: ${escapeMrkdwn(cause)} ${what} (${code(result.errorCode ?? 'Error')}${detail})`;
}

/** What a plan entry is about: `usecase1_cell_kpis`, `usecase1 (3 columns)` or `database telco-…`. */
export function entryTarget(entry: GrantEntry): string {
  const resource = entry.Resource;
  if ('Database' in resource) return `database ${resource.Database.Name}`;
  if ('Table' in resource) return resource.Table.Name;
  const t = resource.TableWithColumns;
  return t.ColumnNames ? `${t.Name} (${plural(t.ColumnNames.length, 'column')})` : t.Name;
}

/**
 * Who can query a subscription's tables: its query roles by name (`Analyst`, `Reporting`), or, when it
 * has none, that only the account holds the access and how a mesh admin names the roles.
 */
export function queryRolesText(subscription: Subscription, max = 600): string {
  const roles = subscription.queryPrincipals ?? [];
  if (roles.length > 0) return joinCapped(roles.map((arn) => code(roleNameOf(arn))), ', ', max, 10);
  return `_no query role_: the access reaches account ${code(subscription.consumerAccountId)}, but nobody in it can query until a mesh admin names its query roles (${code(`/mesh admin enable ${subscription.consumerAccountId} consumer --query-roles <role,…>`)}) and the request is made again`;
}
