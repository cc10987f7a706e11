import type { GrantEntry, GrantResource } from '../../mesh/domain/grant-entry';
import { diffPlans } from '../../mesh/plan/diff-plans';
import { code, joinCapped } from './mrkdwn';
import { permissionsText } from './subscription-facts';

/** Where an entry grants: `` database `telco-…` ``, `` table `usecase1` (columns `a`, `b`) ``. */
export function resourceText(resource: GrantResource): string {
  if ('Database' in resource) return `database ${code(resource.Database.Name)}`;
  if ('Table' in resource) return `table ${code(resource.Table.Name)}`;
  const t = resource.TableWithColumns;
  const names = (list: readonly string[]): string => joinCapped(list.map(code), ', ', 400, 20);
  if (t.ColumnNames !== undefined) return `table ${code(t.Name)}, only columns ${names(t.ColumnNames)}`;
  const excluded = t.ColumnWildcard?.ExcludedColumnNames ?? [];
  return excluded.length > 0 ? `table ${code(t.Name)}, all columns but ${names(excluded)}` : `table ${code(t.Name)}, all columns`;
}

/** The grant option of an entry as Lake Formation will hold it. */
function grantOptionText(entry: GrantEntry): string {
  const option = entry.PermissionsWithGrantOption;
  if (option.length === 0) return 'no grant option';
  if (entry.Permissions.every((p) => option.includes(p))) return 'with grant option';
  return `grant option on ${permissionsText(option)}`;
}

/** One line per plan entry, in the plan's order: `` • table `usecase1`: INSERT · with grant option ``. */
export function planEntryLines(plan: readonly GrantEntry[]): string[] {
  return plan.map((entry) => `• ${resourceText(entry.Resource)}: ${permissionsText(entry.Permissions)} · ${grantOptionText(entry)}`);
}

/** The lines of a plan, at most `maxLines` (the rest counted), so a large product still fits a section. */
export function planLinesCapped(lines: readonly string[], maxLines: number): string[] {
  return lines.length <= maxLines ? [...lines] : [...lines.slice(0, maxLines), `_…and ${lines.length - maxLines} more_`];
}

/**
 * What going from `current` to `next` changes, at permission granularity (what a modify revokes and
 * grants): `` ➕ table `usecase1`: INSERT ``, `` ➖ table `usecase1`, only columns `a`: SELECT ``.
 */
export function planChangeLines(current: readonly GrantEntry[], next: readonly GrantEntry[]): { added: string[]; removed: string[] } {
  const diff = diffPlans(current, next);
  const line = (sign: string) => (entry: GrantEntry) => `${sign} ${resourceText(entry.Resource)}: ${permissionsText(entry.Permissions)}`;
  return { added: diff.grant.map(line('➕')), removed: diff.revoke.toReversed().map(line('➖')) };
}
