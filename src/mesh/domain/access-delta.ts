import * as z from 'zod';
import { PERMISSIONS, PermissionSchema, type Permission } from './permission';
import { ColumnFilterSchema, type ColumnFilter } from './column-filter';

/** What a subscription gives (or asks for): the two sides a delta compares. */
export interface AccessGrant {
  permissions: readonly Permission[];
  /** The permissions held with the grant option. */
  grantable: readonly Permission[];
  tables: readonly string[];
  /** Absent: every column. */
  columns?: ColumnFilter | undefined;
}

const addedRemoved = <T extends z.ZodType>(item: T) => z.object({ added: z.array(item), removed: z.array(item) });

/**
 * The difference between two grants of one subscription, as stored on its history, e.g. an approval
 * that dropped DESCRIBE and narrowed the columns:
 * `{ permissions: { added: [], removed: ['DESCRIBE'] },
 *    columns: { after: { kind: 'include', names: ['cell_id'] }, added: [], removed: [] } }`.
 * A part is present only when it changed; an empty delta is no delta (`accessDelta` returns undefined).
 */
export const AccessDeltaSchema = z.object({
  permissions: addedRemoved(PermissionSchema).optional(),
  tables: addedRemoved(z.string()).optional(),
  /**
   * The column filter before → after (absent side: every column), and the columns known to become
   * visible (`added`) or hidden (`removed`); between an include and an exclude filter (or every
   * column and an include filter) which columns moved depends on the table, so both lists stay empty.
   */
  columns: z
    .object({
      before: ColumnFilterSchema.optional(),
      after: ColumnFilterSchema.optional(),
      added: z.array(z.string()),
      removed: z.array(z.string()),
    })
    .optional(),
  /** Permissions that gained or lost the grant option. */
  grantOption: addedRemoved(PermissionSchema).optional(),
});

export type AccessDelta = z.infer<typeof AccessDeltaSchema>;

function permissionChange(before: readonly Permission[], after: readonly Permission[]): AccessDelta['permissions'] {
  const added = PERMISSIONS.filter((p) => after.includes(p) && !before.includes(p));
  const removed = PERMISSIONS.filter((p) => before.includes(p) && !after.includes(p));
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

function nameChange(before: readonly string[], after: readonly string[]): AccessDelta['tables'] {
  const added = [...new Set(after.filter((t) => !before.includes(t)))].sort();
  const removed = [...new Set(before.filter((t) => !after.includes(t)))].sort();
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

function sameFilter(a: ColumnFilter | undefined, b: ColumnFilter | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.kind === b.kind && nameChange(a.names, b.names) === undefined;
}

/** Which columns a filter change shows or hides, where that is knowable without the table's columns. */
function visibleChange(before: ColumnFilter | undefined, after: ColumnFilter | undefined): { added: string[]; removed: string[] } {
  const none = { added: [], removed: [] };
  const hidden = (filter: ColumnFilter | undefined): string[] | undefined => (filter === undefined ? [] : filter.kind === 'exclude' ? filter.names : undefined);
  if (before?.kind === 'include' && after?.kind === 'include') return nameChange(before.names, after.names) ?? none;
  const [hiddenBefore, hiddenAfter] = [hidden(before), hidden(after)];
  // Every column, or all but some, on both sides: what is no longer hidden shows, what is newly hidden goes.
  if (hiddenBefore !== undefined && hiddenAfter !== undefined) {
    const change = nameChange(hiddenAfter, hiddenBefore);
    return change ?? none;
  }
  return none;
}

function columnChange(before: ColumnFilter | undefined, after: ColumnFilter | undefined): AccessDelta['columns'] {
  if (sameFilter(before, after)) return undefined;
  return { ...(before && { before }), ...(after && { after }), ...visibleChange(before, after) };
}

/**
 * What changes from grant `before` to grant `after`: permissions, tables, columns and grant option
 * added and removed, or undefined when both give the same, e.g. `accessDelta({ permissions: ['SELECT',
 * 'DESCRIBE'], grantable: [], tables: ['t'] }, { permissions: ['SELECT'], grantable: [], tables: ['t'] })`
 * → `{ permissions: { added: [], removed: ['DESCRIBE'] } }`.
 */
export function accessDelta(before: AccessGrant, after: AccessGrant): AccessDelta | undefined {
  const permissions = permissionChange(before.permissions, after.permissions);
  const tables = nameChange(before.tables, after.tables);
  const columns = columnChange(before.columns, after.columns);
  const grantOption = permissionChange(before.grantable, after.grantable);
  const delta: AccessDelta = { ...(permissions && { permissions }), ...(tables && { tables }), ...(columns && { columns }), ...(grantOption && { grantOption }) };
  return Object.keys(delta).length > 0 ? delta : undefined;
}
