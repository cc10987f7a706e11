import * as z from 'zod';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema } from './glue-inputs';
import { catalogOf, visibleDatabase } from './glue-access';
import { databaseView } from './glue-views';

// Sources: AWS Glue API Reference, "GetDatabase"; Lake Formation Developer Guide, "Resource link
// handling in AWS Glue APIs".

export const GetDatabaseInputSchema = z.object({ CatalogId: CatalogIdSchema, Name: GlueNameSchema });

/** GetDatabase: one database (or resource link, followed when the target is visible) the caller may see. */
export const getDatabase = operation(GetDatabaseInputSchema, (ctx, input) => {
  const entry = visibleDatabase(ctx, catalogOf(ctx, input.CatalogId), input.Name);
  return { Database: databaseView(ctx, entry.database) };
});
