import * as z from 'zod';
import { AwsError } from '../aws-error';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema, PartitionValuesSchema } from './glue-inputs';
import { listLength, refuseViolations } from './model-constraints';
import { type PartitionedTable, partitionedTable } from './partition-table';
import { checkPartitionValues, partitionKey, partitionNotFound } from './partition-values';

// Sources: AWS Glue API Reference, "DeletePartition" / "BatchDeletePartition" (model:
// BatchDeletePartitionValueList max 25); Lake Formation permissions reference (DELETE).

/** Model: `BatchDeletePartitionValueList` max 25. */
export const BATCH_DELETE_PARTITION_MAX = 25;

/** Remove one partition of `found.table`; throws the Glue error that refuses it. */
function deleteOne(found: PartitionedTable, values: readonly string[]): void {
  const key = partitionKey(checkPartitionValues(found.table, values));
  if (!found.partitions[key]) throw partitionNotFound();
  Reflect.deleteProperty(found.partitions, key);
}

export const DeletePartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  PartitionValues: PartitionValuesSchema,
});

/**
 * DeletePartition: removes one partition (through resource links, of the target table). Needs DELETE
 * on the table (see partition-table.ts); a missing partition is EntityNotFoundException.
 */
export const deletePartition = operation(DeletePartitionInputSchema, (ctx, input) => {
  deleteOne(partitionedTable(ctx, input, 'delete'), input.PartitionValues);
  return {};
});

export const BatchDeletePartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  PartitionsToDelete: z.array(z.object({ Values: PartitionValuesSchema })),
});

/**
 * BatchDeletePartition: up to 25 partitions of one table (ValidationException above, as Glue answered
 * in apache/hudi#9806). A missing or forbidden table refuses the whole call; a partition that cannot
 * be deleted (EntityNotFoundException for a missing one) is reported in `Errors` (`PartitionError`)
 * and the others are deleted.
 */
export const batchDeletePartition = operation(BatchDeletePartitionInputSchema, (ctx, input) => {
  refuseViolations([listLength('partitionsToDelete', input.PartitionsToDelete, { max: BATCH_DELETE_PARTITION_MAX })]);
  const found = partitionedTable(ctx, input, 'delete');
  const errors: { PartitionValues: string[]; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[] = [];
  for (const entry of input.PartitionsToDelete) {
    const fault = ctx.entryFault();
    try {
      if (fault) throw new AwsError(fault.code, fault.message);
      deleteOne(found, entry.Values);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      errors.push({ PartitionValues: entry.Values, ErrorDetail: { ErrorCode: error.code, ErrorMessage: error.message } });
    }
  }
  return { Errors: errors };
});
