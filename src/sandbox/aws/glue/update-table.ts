import * as z from 'zod';
import { AwsError } from '../aws-error';
import { findTable } from '../access/catalog-lookup';
import { checkDataLocationAccess } from '../access/data-location-access';
import { heldOn, holds } from '../access/effective-permissions';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema, TableInputSchema } from './glue-inputs';
import { catalogOf, followDatabase, insufficientPermissions, visibleTable } from './glue-access';

// Sources: AWS Glue API Reference, "UpdateTable" (VersionId, ConcurrentModificationException); Lake
// Formation permissions reference (ALTER); Lake Formation Developer Guide, "Resource link handling in
// AWS Glue APIs".

export const UpdateTableInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableInput: TableInputSchema,
  SkipArchive: z.boolean().optional(),
  TransactionId: z.string().optional(),
  VersionId: z.string().optional(),
});

/**
 * UpdateTable: replaces the table's definition (name, catalog, creation and links kept), bumps its
 * `VersionId`. Through a resource link it updates the target. Needs ALTER on the updated table, and
 * data location permission when its new location is in a registered location (see
 * data-location-access); a stale `VersionId` is `ConcurrentModificationException`.
 */
export const updateTable = operation(UpdateTableInputSchema, (ctx, input) => {
  const followed = followDatabase(ctx, catalogOf(ctx, input.CatalogId), input.DatabaseName);
  let catalogId = followed.catalogId;
  let table = visibleTable(ctx, catalogId, followed.entry, input.TableInput.Name);
  if (table.TargetTable) {
    const target = findTable(ctx.world, table.TargetTable.CatalogId, table.TargetTable.DatabaseName, table.TargetTable.Name);
    if (!target) throw new AwsError('EntityNotFoundException', `Table ${table.TargetTable.Name} not found.`);
    catalogId = target.CatalogId;
    table = target;
  }
  if (!holds(heldOn(ctx.world, ctx.caller, { kind: 'table', catalogId, database: table.DatabaseName, table: table.Name }), 'ALTER')) throw insufficientPermissions(table.Name);
  checkDataLocationAccess(ctx.world, ctx.caller, catalogId, input.TableInput.StorageDescriptor?.Location);
  if (input.VersionId !== undefined && input.VersionId !== table.VersionId) {
    throw new AwsError('ConcurrentModificationException', `Table ${table.Name} is at version ${table.VersionId}, not ${input.VersionId}.`);
  }
  const { Name: _name, TargetTable: _target, ...definition } = input.TableInput;
  const updated = {
    ...definition,
    Name: table.Name,
    DatabaseName: table.DatabaseName,
    CatalogId: table.CatalogId,
    CreateTime: table.CreateTime,
    UpdateTime: Math.floor(ctx.now() / 1000),
    VersionId: String(Number(table.VersionId) + 1),
    ...(table.CreatedBy === undefined ? {} : { CreatedBy: table.CreatedBy }),
    ...(table.TargetTable === undefined ? {} : { TargetTable: table.TargetTable }),
  };
  const entry = ctx.world.catalogs[catalogId]?.databases[table.DatabaseName];
  if (entry) entry.tables[table.Name] = updated;
  return {};
});
