import * as z from 'zod';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema, PartitionValuesSchema } from './glue-inputs';
import { partitionView } from './glue-views';
import { listLength, refuseViolations } from './model-constraints';
import { partitionedTable } from './partition-table';
import { checkPartitionValues, partitionKey, partitionNotFound } from './partition-values';
import type { GluePartition } from '../world';

// Sources: AWS Glue API Reference, "GetPartition" / "BatchGetPartition" (model:
// BatchGetPartitionValueList max 1000); Lake Formation Developer Guide, "Resource link handling in AWS
// Glue APIs".

export const GetPartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  PartitionValues: PartitionValuesSchema,
});

/**
 * GetPartition: one partition by its values. Needs SELECT (or INSERT) on the table. A missing
 * partition is EntityNotFoundException; through both a database and a table resource link the answer
 * is empty ("Resource link handling in AWS Glue APIs").
 */
export const getPartition = operation(GetPartitionInputSchema, (ctx, input) => {
  const found = partitionedTable(ctx, input, 'read');
  if (!found) return {};
  const partition = found.partitions[partitionKey(checkPartitionValues(found.table, input.PartitionValues))];
  if (!partition) throw partitionNotFound();
  return { Partition: partitionView(partition) };
});

/** Model: `BatchGetPartitionValueList` max 1000. */
export const BATCH_GET_PARTITION_MAX = 1000;

export const BatchGetPartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  PartitionsToGet: z.array(z.object({ Values: PartitionValuesSchema })),
});

/**
 * BatchGetPartition: the partitions named in `PartitionsToGet` (at most 1,000), each once. A partition
 * that does not exist is left out of the answer; `UnprocessedKeys` holds "the partition values in the
 * request for which partitions were not returned" because they could not be processed (here: a
 * per-entry fault injected by the sandbox controls). Values that do not fit the table's partition
 * keys refuse the whole call, as the operation has no per-entry errors.
 */
export const batchGetPartition = operation(BatchGetPartitionInputSchema, (ctx, input) => {
  refuseViolations([listLength('partitionsToGet', input.PartitionsToGet, { max: BATCH_GET_PARTITION_MAX })]);
  const found = partitionedTable(ctx, input, 'read');
  if (!found) return { Partitions: [], UnprocessedKeys: [] };
  const table = found.table;
  const keys = input.PartitionsToGet.map((entry) => partitionKey(checkPartitionValues(table, entry.Values)));
  const partitions: GluePartition[] = [];
  const unprocessed: { Values: string[] }[] = [];
  const seen = new Set<string>();
  input.PartitionsToGet.forEach((entry, i) => {
    const key = keys[i] ?? '';
    if (seen.has(key)) return;
    seen.add(key);
    if (ctx.entryFault()) {
      unprocessed.push({ Values: entry.Values });
      return;
    }
    const partition = found.partitions[key];
    if (partition) partitions.push(partitionView(partition));
  });
  return { Partitions: partitions, UnprocessedKeys: unprocessed };
});
