import * as z from 'zod';
import { AccountIdSchema } from '../domain/account-id';
import { GlueNameSchema } from '../domain/data-product';
import { issueProblems } from '../domain/format-issues';
import type { GrantEntry, GrantResource } from '../domain/grant-entry';
import { GranteeSchema, isAccountGrantee } from '../domain/grantee';
import { PERMISSIONS, PermissionSchema, type Permission } from '../domain/permission';
import { ColumnFilterSchema, type ColumnFilter } from '../domain/subscription';
import type { ReasonOf, Refusal } from '../error-reasons';
import { InvalidInputError } from '../errors';
import { entryId } from './entry-id';

/**
 * What to grant, e.g. `{ meshCatalogId: '555555555555', meshDatabase: 'telco-111111111111',
 * tables: ['usecase1'], grantee: '999999999999', permissions: ['SELECT'], grantable: [] }`.
 * `grantable` only matters for IAM principals: an account always gets the grant option.
 */
export const PlanGrantsInputSchema = z.object({
  meshCatalogId: AccountIdSchema,
  meshDatabase: GlueNameSchema,
  tables: z.array(GlueNameSchema),
  grantee: GranteeSchema,
  permissions: z.array(PermissionSchema),
  grantable: z.array(PermissionSchema),
  columns: ColumnFilterSchema.optional(),
});

export type PlanGrantsInput = z.infer<typeof PlanGrantsInputSchema>;

/** The table permissions Lake Formation's ALL stands for, SELECT excepted. */
const ALL_BUT_SELECT: readonly Permission[] = ['INSERT', 'DELETE', 'ALTER', 'DROP', 'DESCRIBE'];

type Problem = Refusal<ReasonOf<'mesh_invalid_input'>>;

/**
 * The Lake Formation entries that give `grantee` the requested access, in a fixed order: DESCRIBE on
 * the mesh database, then per table (sorted) a `Table` entry for the permissions other than SELECT
 * and a `TableWithColumns` entry for SELECT. ALL is granted as ALL; with a column filter it is
 * spelled out instead, so that SELECT can be limited to the columns. Throws `InvalidInputError` on
 * contradictory input.
 */
export function planGrants(input: PlanGrantsInput): GrantEntry[] {
  const parsed = PlanGrantsInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(issueProblems(parsed.error, 'correct the values named and ask again'));
  const request = parsed.data;
  const [problem, ...more] = findProblems(request);
  if (problem !== undefined) throw new InvalidInputError([problem, ...more]);

  const requested = canonical(request.permissions);
  const all = requested.includes('ALL');
  const tablePermissions = all ? (request.columns ? ALL_BUT_SELECT : ['ALL' as const]) : requested.filter((p) => p !== 'SELECT');
  const selectOnColumns = all ? request.columns !== undefined : requested.includes('SELECT');

  const principal = { DataLakePrincipalIdentifier: request.grantee };
  const account = isAccountGrantee(request.grantee);
  const entry = (resource: GrantResource, permissions: readonly Permission[]): GrantEntry => ({
    Id: entryId(resource),
    Principal: { ...principal },
    Resource: resource,
    Permissions: [...permissions],
    // Cross-account grants need the grant option so the consumer account's admin can grant inside it.
    PermissionsWithGrantOption: account ? [...permissions] : permissions.filter((p) => request.grantable.includes(p) || request.grantable.includes('ALL')),
  });

  const { meshCatalogId: CatalogId, meshDatabase: DatabaseName } = request;
  const entries = [entry({ Database: { CatalogId, Name: DatabaseName } }, ['DESCRIBE'])];
  for (const Name of request.tables.toSorted()) {
    if (tablePermissions.length > 0) entries.push(entry({ Table: { CatalogId, DatabaseName, Name } }, tablePermissions));
    if (selectOnColumns) entries.push(entry({ TableWithColumns: { CatalogId, DatabaseName, Name, ...columnsOf(request.columns) } }, ['SELECT']));
  }
  return entries;
}

/** The column part of a `TableWithColumns` resource; names sorted so that equal filters give equal resources. */
function columnsOf(filter: ColumnFilter | undefined): { ColumnNames: string[] } | { ColumnWildcard: { ExcludedColumnNames?: string[] } } {
  if (filter === undefined) return { ColumnWildcard: {} };
  const names = filter.names.toSorted();
  return filter.kind === 'include' ? { ColumnNames: names } : { ColumnWildcard: { ExcludedColumnNames: names } };
}

/** Permissions de-duplicated, in the canonical order of `PERMISSIONS`. */
function canonical(permissions: readonly Permission[]): Permission[] {
  return PERMISSIONS.filter((p) => permissions.includes(p));
}

function firstDuplicate(values: readonly string[]): string | undefined {
  return values.find((value, index) => values.indexOf(value) !== index);
}

/** Every reason the request cannot be planned, each with the input it concerns and what to do instead. */
function findProblems(request: PlanGrantsInput): Problem[] {
  const problems: Problem[] = [];
  const { tables, permissions, grantable, columns } = request;
  if (tables.length === 0) problems.push({ reason: 'no_tables_to_grant', params: {}, path: ['tables'], message: 'there are no tables to grant', hint: 'name at least one table of the product' });
  const table = firstDuplicate(tables);
  if (table !== undefined) problems.push({ reason: 'table_listed_twice', params: { table }, path: ['tables'], message: `table ${table} is listed more than once`, hint: 'list each table once' });
  if (permissions.length === 0) {
    problems.push({ reason: 'no_permissions_to_grant', params: {}, path: ['permissions'], message: 'there are no permissions to grant', hint: `name at least one of ${PERMISSIONS.join(', ')}` });
  }
  const all = permissions.includes('ALL');
  if (columns !== undefined && !all && !permissions.includes('SELECT')) {
    problems.push({ reason: 'columns_without_select', params: {}, path: ['columns'], message: 'a column filter limits SELECT, but SELECT is not requested', hint: 'add SELECT, or drop the column filter' });
  }
  const column = columns === undefined ? undefined : firstDuplicate(columns.names);
  if (column !== undefined) problems.push({ reason: 'column_listed_twice', params: { column }, path: ['columns'], message: `column ${column} is listed more than once`, hint: 'list each column once' });
  for (const p of canonical(grantable)) {
    // DESCRIBE on the database is always granted, so it may always be grantable.
    if (p === 'DESCRIBE') continue;
    if (all && p !== 'ALL' && !grantable.includes('ALL')) {
      // Lake Formation grants ALL as one permission: a part of it cannot carry the grant option alone.
      problems.push({
        reason: 'grantable_part_of_all',
        params: { permission: p },
        path: ['grantable'],
        message: `${p} cannot be grantable on its own while ALL is granted`,
        hint: 'make ALL grantable, or request the permissions one by one instead of ALL',
      });
    } else if (!all && !permissions.includes(p)) {
      problems.push({
        reason: 'grantable_not_granted',
        params: { permission: p },
        path: ['grantable'],
        message: `${p} is grantable but not granted`,
        hint: `grant ${p} too, or drop it from the grantable permissions`,
      });
    }
  }
  return problems;
}
