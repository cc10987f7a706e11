import { AwsError } from '../aws-error';
import { findDatabase } from '../access/catalog-lookup';
import { canSeeTable, heldOn, holds } from '../access/effective-permissions';
import type { CallContext } from '../operation';
import type { GluePartition, GlueTable } from '../world';
import { catalogOf, insufficientPermissions, visibleDatabase, visibleTable } from './glue-access';

/** What a partition operation does to its table's partitions. */
export type PartitionAccess = 'read' | 'create' | 'update' | 'delete';

/**
 * The Lake Formation permissions on the table that allow each kind of partition call (any one of
 * them; ALL always does). The "Lake Formation permissions reference" names Glue operations only for
 * ALTER (glue:UpdateTable), DROP (glue:DeleteTable), DESCRIBE (glue:GetTable) and Super on a table
 * (glue:*Partition*); for the others it describes the data access they give, which is what a
 * partition (a slice of the table's data at an S3 location) is about:
 *  - read: SELECT ("query the underlying data"), or INSERT ("insert, update, and read underlying
 *    data"); SELECT on some columns counts, since "you cannot restrict access control on columns
 *    that are partition keys";
 *  - create: INSERT (adds data);
 *  - update: ALTER ("alter metadata for a ... table") or INSERT ("update ... underlying data");
 *  - delete: DELETE (deletes underlying data).
 * DESCRIBE alone allows none of them: it gives no data access. The refusal's text is not documented;
 * it follows the emulator's other "Required … on …" refusals.
 */
const NEEDS: Record<PartitionAccess, { any: readonly string[]; named: string; verb: string }> = {
  read: { any: ['SELECT', 'INSERT'], named: 'Select', verb: 'Reading' },
  create: { any: ['INSERT'], named: 'Insert', verb: 'Creating' },
  update: { any: ['ALTER', 'INSERT'], named: 'Alter', verb: 'Updating' },
  delete: { any: ['DELETE'], named: 'Delete', verb: 'Deleting' },
};

/** The table whose partitions a call works on, and those partitions by `partitionKey`. */
export interface PartitionedTable {
  catalogId: string;
  table: GlueTable;
  partitions: Record<string, GluePartition>;
}

/** The `CatalogId`, `DatabaseName` and `TableName` every partition request carries. */
export interface TableAddress {
  CatalogId?: string | undefined;
  DatabaseName: string;
  TableName: string;
}

/**
 * Resolve the table a partition call addresses and check the caller may do `access` to its
 * partitions. Resource links are followed as the Lake Formation guide's "Resource link handling in
 * AWS Glue APIs" says for the Partition API: a database link leads to the named table in the target
 * database, a table link to its target table; through both a table link and a database link, reads
 * answer an empty result (undefined here) and writes are "not supported" (the code and text of that
 * refusal are not documented: InvalidInputException). A missing database or table is
 * EntityNotFoundException (the operations' modelled error), an unseen one AccessDeniedException, as
 * GetTable answers.
 */
export function partitionedTable(ctx: CallContext, address: TableAddress, access: 'read'): PartitionedTable | undefined;
export function partitionedTable(ctx: CallContext, address: TableAddress, access: Exclude<PartitionAccess, 'read'>): PartitionedTable;
export function partitionedTable(ctx: CallContext, address: TableAddress, access: PartitionAccess): PartitionedTable | undefined {
  let catalogId = catalogOf(ctx, address.CatalogId);
  let entry = visibleDatabase(ctx, catalogId, address.DatabaseName);
  const databaseLink = entry.database.TargetDatabase;
  if (databaseLink) {
    catalogId = databaseLink.CatalogId;
    entry = visibleDatabase(ctx, catalogId, databaseLink.DatabaseName);
  }
  let table = visibleTable(ctx, catalogId, entry, address.TableName);
  const tableLink = table.TargetTable;
  if (tableLink) {
    if (databaseLink) {
      if (access === 'read') return undefined;
      throw new AwsError('InvalidInputException', `${NEEDS[access].verb} a partition through both a table resource link and a database resource link is not supported.`);
    }
    const targetEntry = findDatabase(ctx.world, tableLink.CatalogId, tableLink.DatabaseName);
    const target = targetEntry?.tables[tableLink.Name.toLowerCase()];
    if (!targetEntry || !target) throw new AwsError('EntityNotFoundException', `Table ${tableLink.Name} not found.`);
    if (!canSeeTable(ctx.world, ctx.caller, tableLink.CatalogId, targetEntry.database.Name, target.Name)) throw insufficientPermissions(tableLink.Name);
    catalogId = tableLink.CatalogId;
    entry = targetEntry;
    table = target;
  }
  const held = heldOn(ctx.world, ctx.caller, { kind: 'columns', catalogId, database: entry.database.Name, table: table.Name, columns: { names: [] } });
  const needs = NEEDS[access];
  if (!needs.any.some((p) => holds(held, p))) throw new AwsError('AccessDeniedException', `Insufficient Lake Formation permission(s): Required ${needs.named} on ${table.Name}`);
  const partitions = access === 'create' ? (entry.partitions[table.Name] ??= {}) : (entry.partitions[table.Name] ?? {});
  return { catalogId, table, partitions };
}
