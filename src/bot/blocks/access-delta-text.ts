import type { AccessDelta } from '../../mesh/domain/access-delta';
import { joinCapped, plural } from './mrkdwn';
import { columnsText, permissionsText, tablesText } from './subscription-facts';

// A change of access in words, the same in every message: DMs, the subscription view, its history.

const MINUS = '−';

function tablesWord(tables: readonly string[], max: number): string {
  return `${tables.length === 1 ? 'table' : 'tables'} ${tablesText(tables, max)}`;
}

/** `columns only `a`, `b` → only `a``. */
function columnsMove(columns: NonNullable<AccessDelta['columns']>, max: number): string {
  return `columns ${columnsText(columns.before, max)} → ${columnsText(columns.after, max)}`;
}

/**
 * A delta as its parts, added before removed in each: `+ INSERT`, `− DESCRIBE`, `− table `t``,
 * `columns all columns → only `cell_id``, `+ grant option on INSERT`.
 */
export function deltaParts(delta: AccessDelta, max = 600): string[] {
  const parts: string[] = [];
  const { permissions, tables, columns, grantOption } = delta;
  if (permissions?.added.length) parts.push(`+ ${permissionsText(permissions.added)}`);
  if (permissions?.removed.length) parts.push(`${MINUS} ${permissionsText(permissions.removed)}`);
  if (tables?.added.length) parts.push(`+ ${tablesWord(tables.added, max)}`);
  if (tables?.removed.length) parts.push(`${MINUS} ${tablesWord(tables.removed, max)}`);
  if (columns) parts.push(columnsMove(columns, max));
  if (grantOption?.added.length) parts.push(`+ grant option on ${permissionsText(grantOption.added)}`);
  if (grantOption?.removed.length) parts.push(`${MINUS} grant option on ${permissionsText(grantOption.removed)}`);
  return parts;
}

/** A delta on one line: `− DESCRIBE; columns only `customer_id`, `cell_id` → only `customer_id``. */
export function deltaText(delta: AccessDelta, max = 600): string {
  return joinCapped(deltaParts(delta, max), '; ', max);
}

/** A delta as a bulleted list, one part a line. */
export function deltaList(delta: AccessDelta, max = 1500): string {
  return joinCapped(deltaParts(delta, 600).map((part) => `• ${part}`), '\n', max);
}

/**
 * How an approval differs from the request, in the requester's words: `Not granted, though requested:
 * DESCRIBE`, `Columns: requested all columns, granted only `cell_id``, one line each.
 */
export function approvalDifferenceList(delta: AccessDelta, max = 1500): string {
  const lines: string[] = [];
  const { permissions, tables, columns, grantOption } = delta;
  if (permissions?.removed.length) lines.push(`Not granted, though requested: ${permissionsText(permissions.removed)}`);
  if (permissions?.added.length) lines.push(`Granted instead: ${permissionsText(permissions.added)}`);
  if (tables?.removed.length) lines.push(`Tables not granted, though requested: ${tablesText(tables.removed)}`);
  if (tables?.added.length) lines.push(`Tables granted besides the request: ${tablesText(tables.added)}`);
  if (columns) lines.push(`Columns: requested ${columnsText(columns.before)}, granted ${columnsText(columns.after)}`);
  if (grantOption?.added.length) lines.push(`With the grant option on ${permissionsText(grantOption.added)}`);
  if (grantOption?.removed.length) lines.push(`Without the grant option on ${permissionsText(grantOption.removed)}`);
  return joinCapped(lines.map((line) => `• ${line}`), '\n', max);
}

/** What a revoke took away: `SELECT, DESCRIBE on tables `a`, `b` (with the grant option)`. */
export function removedText(delta: AccessDelta, max = 1500): string {
  const permissions = delta.permissions?.removed ?? [];
  const tables = delta.tables?.removed ?? [];
  const what = permissions.length > 0 ? permissionsText(permissions) : 'access';
  const where = tables.length > 0 ? ` on ${plural(tables.length, 'table')}: ${tablesText(tables, max - 100)}` : '';
  const grantable = delta.grantOption?.removed.length ? ` (and the grant option on ${permissionsText(delta.grantOption.removed)})` : '';
  return `${what}${where}${grantable}`;
}
