import * as z from 'zod';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema } from './glue-inputs';
import { catalogOf, followDatabase, visibleTable } from './glue-access';
import { tableView } from './glue-views';

// Sources: AWS Glue API Reference, "GetTable"; Lake Formation Developer Guide, "Resource link handling
// in AWS Glue APIs".

export const GetTableInputSchema = z.object({ CatalogId: CatalogIdSchema, DatabaseName: GlueNameSchema, Name: GlueNameSchema });

/** GetTable: one table the caller may see, through database and table resource links when present. */
export const getTable = operation(GetTableInputSchema, (ctx, input) => {
  const { catalogId, entry } = followDatabase(ctx, catalogOf(ctx, input.CatalogId), input.DatabaseName);
  return { Table: tableView(ctx, visibleTable(ctx, catalogId, entry, input.Name)) };
});
