import { findDatabase, findTable } from '../access/catalog-lookup';
import { canSeeDatabase, canSeeTable } from '../access/effective-permissions';
import { glueArns, type GlueTarget } from '../iam/glue-actions';
import type { CallContext } from '../operation';
import type { GlueDatabase, GluePartition, GlueTable } from '../world';

// Sources: Lake Formation Developer Guide, "Resource link handling in AWS Glue APIs"; AWS Glue API
// Reference data types "Database", "Table" (TargetDatabase, TargetTable).

/**
 * What Glue answers for stored objects. Resource links are followed as the Lake Formation guide's
 * "Resource link handling in AWS Glue APIs" says: when the caller may see the target, the answer
 * carries the target's definition (columns, location, type) under the link's own name, catalog and
 * `TargetTable`/`TargetDatabase`; otherwise it is the bare link.
 */

/** Whether IAM allowed this call on a link's target (checked before the handler, iam/glue-actions.ts): "both IAM and Lake Formation permissions on both the target and the resource link". */
function iamAllows(ctx: CallContext, target: GlueTarget): boolean {
  return glueArns(ctx.region, target).every((arn) => ctx.iam.allowedOn(arn));
}

/** A database as GetDatabase(s) answers it (without the emulator's `CreatedBy` bookkeeping). */
export function databaseView(ctx: CallContext, database: GlueDatabase): Record<string, unknown> {
  const { CreatedBy: _createdBy, ...link } = database;
  const target = database.TargetDatabase;
  if (!target) return link;
  const targetEntry = findDatabase(ctx.world, target.CatalogId, target.DatabaseName);
  if (!targetEntry || !canSeeDatabase(ctx.world, ctx.caller, target.CatalogId, targetEntry.database.Name) || !iamAllows(ctx, { catalogId: target.CatalogId, database: target.DatabaseName })) return link;
  const { CreatedBy: _targetCreatedBy, ...properties } = targetEntry.database;
  return { ...properties, Name: database.Name, CatalogId: database.CatalogId, CreateTime: database.CreateTime, TargetDatabase: target };
}

/** A table as GetTable(s) answers it; `canSee` decides whether the caller may see a link's target. */
export function tableView(
  ctx: CallContext,
  table: GlueTable,
  canSee: (catalogId: string, database: string, table: string) => boolean = (c, d, t) => canSeeTable(ctx.world, ctx.caller, c, d, t),
): Record<string, unknown> {
  const target = table.TargetTable;
  if (!target) return table;
  const targetTable = findTable(ctx.world, target.CatalogId, target.DatabaseName, target.Name);
  if (!targetTable || !canSee(target.CatalogId, targetTable.DatabaseName, targetTable.Name) || !iamAllows(ctx, { catalogId: target.CatalogId, database: target.DatabaseName, table: target.Name })) return table;
  return {
    ...targetTable,
    Name: table.Name,
    DatabaseName: table.DatabaseName,
    CatalogId: table.CatalogId,
    CreateTime: table.CreateTime,
    UpdateTime: table.UpdateTime,
    VersionId: table.VersionId,
    CreatedBy: table.CreatedBy,
    TargetTable: target,
  };
}

/** A partition as the partition operations answer it; `ExcludeColumnSchema` (GetPartitions) leaves out its column schema. */
export function partitionView(partition: GluePartition, excludeColumnSchema = false): GluePartition {
  const descriptor = partition.StorageDescriptor;
  if (!excludeColumnSchema || descriptor?.Columns === undefined) return partition;
  const { Columns: _columns, ...rest } = descriptor;
  return { ...partition, StorageDescriptor: rest };
}
