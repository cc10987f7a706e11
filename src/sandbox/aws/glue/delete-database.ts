import * as z from 'zod';
import { AwsError } from '../aws-error';
import { dropGrants } from '../access/grant-rows';
import { heldOn, holds } from '../access/effective-permissions';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema } from './glue-inputs';
import { catalogOf, insufficientPermissions, visibleDatabase } from './glue-access';

// Sources: AWS Glue API Reference, "DeleteDatabase"; Lake Formation permissions reference (DROP); Lake
// Formation Developer Guide, "Resource link handling in AWS Glue APIs" (deleting a link never deletes
// its target).

export const DeleteDatabaseInputSchema = z.object({ CatalogId: CatalogIdSchema, Name: GlueNameSchema });

/**
 * DeleteDatabase: removes a database of the caller's own catalog with all its tables and their
 * partitions (a database resource link is deleted, never its target). Needs DROP on it. Grants on
 * the database and its tables go with it, and so do their places in RAM shares.
 */
export const deleteDatabase = operation(DeleteDatabaseInputSchema, (ctx, input) => {
  const catalogId = catalogOf(ctx, input.CatalogId);
  const entry = visibleDatabase(ctx, catalogId, input.Name);
  if (catalogId !== ctx.caller.accountId) throw new AwsError('AccessDeniedException', `Cannot delete database ${input.Name} of another account's catalog.`);
  const database = entry.database.Name;
  if (!holds(heldOn(ctx.world, ctx.caller, { kind: 'database', catalogId, database }), 'DROP')) throw insufficientPermissions(database);
  const catalog = ctx.world.catalogs[catalogId];
  if (catalog) catalog.databases = Object.fromEntries(Object.entries(catalog.databases).filter(([name]) => name !== database));
  dropGrants(ctx, catalogId, (r) => r.kind !== 'catalog' && r.kind !== 'location' && r.database === database);
  return {};
});
