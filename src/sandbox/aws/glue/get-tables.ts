import * as z from 'zod';
import { tableVisibilityByCatalog } from '../access/effective-permissions';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import { CatalogIdSchema, GlueNameSchema } from './glue-inputs';
import { catalogOf, followDatabase } from './glue-access';
import { tableView } from './glue-views';
import { tableNamePattern } from './table-name-pattern';

// Sources: AWS Glue API Reference, "GetTables" (Expression, MaxResults ≤ 100, NextToken); Lake
// Formation Developer Guide, "Resource link handling in AWS Glue APIs".

/** Glue returns at most 100 tables a page, and 100 when `MaxResults` is absent. */
export const GET_TABLES_PAGE_MAX = 100;

export const GetTablesInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  Expression: z.string().max(2048).optional(),
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(GET_TABLES_PAGE_MAX).optional(),
});

/**
 * GetTables: the tables of a database that the caller may see and whose names match `Expression`,
 * by name, a page at a time. A database resource link lists its target's tables.
 */
export const getTables = operation(GetTablesInputSchema, (ctx, input) => {
  const { catalogId, entry } = followDatabase(ctx, catalogOf(ctx, input.CatalogId), input.DatabaseName);
  const matches = tableNamePattern(input.Expression);
  const canSee = tableVisibilityByCatalog(ctx.world, ctx.caller);
  const tables = Object.values(entry.tables)
    .filter((t) => matches(t.Name) && canSee(catalogId, entry.database.Name, t.Name))
    .sort((a, b) => a.Name.localeCompare(b.Name));
  const page = paginate(tables, {
    scope: `GetTables/${catalogId}/${entry.database.Name}/${input.Expression ?? ''}`,
    token: input.NextToken,
    size: input.MaxResults ?? GET_TABLES_PAGE_MAX,
    badTokenCode: 'InvalidInputException',
  });
  return { TableList: page.items.map((t) => tableView(ctx, t, canSee)), NextToken: page.nextToken };
});
