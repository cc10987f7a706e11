import * as z from 'zod';
import { AwsError } from '../aws-error';
import { dropGrants } from '../access/grant-rows';
import { heldOn, holds } from '../access/effective-permissions';
import { type CallContext, operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema } from './glue-inputs';
import type { DatabaseEntry } from '../access/catalog-lookup';
import { catalogOf, followDatabase, insufficientPermissions, visibleTable } from './glue-access';

// Sources: AWS Glue API Reference, "DeleteTable" / "BatchDeleteTable" (per-table Errors); Lake
// Formation permissions reference (DROP); Lake Formation Developer Guide, "Resource link handling in
// AWS Glue APIs".

/**
 * Delete one table (a resource link is deleted, never its target). Needs DROP on it. Grants on the
 * table go with it, and so do its partitions and its place in RAM shares.
 */
function deleteOne(ctx: CallContext, catalogId: string, entry: DatabaseEntry, name: string): void {
  const table = visibleTable(ctx, catalogId, entry, name);
  const database = entry.database.Name;
  if (!holds(heldOn(ctx.world, ctx.caller, { kind: 'table', catalogId, database, table: table.Name }), 'DROP')) throw insufficientPermissions(table.Name);
  entry.tables = Object.fromEntries(Object.entries(entry.tables).filter(([name]) => name !== table.Name));
  // A table's partitions go with it (a resource link has none: its target keeps them).
  entry.partitions = Object.fromEntries(Object.entries(entry.partitions).filter(([name]) => name !== table.Name));
  dropGrants(ctx, catalogId, (r) => (r.kind === 'table' || r.kind === 'columns') && r.database === database && r.table === table.Name);
}

export const DeleteTableInputSchema = z.object({ CatalogId: CatalogIdSchema, DatabaseName: GlueNameSchema, Name: GlueNameSchema, TransactionId: z.string().optional() });

/** DeleteTable: removes a table or table resource link. */
export const deleteTable = operation(DeleteTableInputSchema, (ctx, input) => {
  const { catalogId, entry } = followDatabase(ctx, catalogOf(ctx, input.CatalogId), input.DatabaseName);
  deleteOne(ctx, catalogId, entry, input.Name);
  return {};
});

export const BatchDeleteTableInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TablesToDelete: z.array(GlueNameSchema).min(1).max(100),
  TransactionId: z.string().optional(),
});

/** BatchDeleteTable: deletes each named table; failures are reported per table in `Errors`, the rest succeed. */
export const batchDeleteTable = operation(BatchDeleteTableInputSchema, (ctx, input) => {
  const { catalogId, entry } = followDatabase(ctx, catalogOf(ctx, input.CatalogId), input.DatabaseName);
  const errors: { TableName: string; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[] = [];
  for (const name of input.TablesToDelete) {
    const fault = ctx.entryFault();
    try {
      if (fault) throw new AwsError(fault.code, fault.message);
      deleteOne(ctx, catalogId, entry, name);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      errors.push({ TableName: name, ErrorDetail: { ErrorCode: error.code, ErrorMessage: error.message } });
    }
  }
  return { Errors: errors };
});
