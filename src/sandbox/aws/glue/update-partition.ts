import * as z from 'zod';
import { AwsError } from '../aws-error';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema, type PartitionInput, PartitionInputSchema, PartitionValuesSchema } from './glue-inputs';
import { listLength, refuseViolations } from './model-constraints';
import { type PartitionedTable, partitionedTable } from './partition-table';
import { checkPartitionValues, partitionKey, partitionNotFound } from './partition-values';

// Sources: AWS Glue API Reference, "UpdatePartition" / "BatchUpdatePartition" (model:
// BatchUpdatePartitionRequestEntryList 1–100); Lake Formation permissions reference (INSERT/ALTER).

/** Model: `BoundedPartitionValueList` max 100. */
const MAX_VALUES = 100;

/** Model: `BatchUpdatePartitionRequestEntryList` 1–100. */
export const BATCH_UPDATE_PARTITION_MAX = 100;

/**
 * Replace the definition of one partition (location, parameters, times), keeping its values and
 * creation time. "The Values property can't be changed. If you want to change the partition key
 * values for a partition, delete and recreate the partition" (UpdatePartitionRequest.PartitionInput):
 * other values in `PartitionInput` are refused (InvalidInputException; the text is not documented).
 */
function updateOne(found: PartitionedTable, values: readonly string[], input: PartitionInput): void {
  const key = partitionKey(checkPartitionValues(found.table, values));
  const existing = found.partitions[key];
  if (!existing) throw partitionNotFound();
  if (input.Values !== undefined && partitionKey(input.Values) !== key) {
    throw new AwsError('InvalidInputException', "The partition's Values can't be changed; delete and recreate the partition instead.");
  }
  const { Values: _values, ...definition } = input;
  found.partitions[key] = {
    ...definition,
    Values: existing.Values,
    DatabaseName: existing.DatabaseName,
    TableName: existing.TableName,
    CatalogId: existing.CatalogId,
    CreationTime: existing.CreationTime,
  };
}

export const UpdatePartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  PartitionValueList: PartitionValuesSchema,
  PartitionInput: PartitionInputSchema,
});

/**
 * UpdatePartition: replaces one partition's definition (through resource links, on the target
 * table). Needs ALTER (or INSERT) on the table (see partition-table.ts); a missing partition is
 * EntityNotFoundException.
 */
export const updatePartition = operation(UpdatePartitionInputSchema, (ctx, input) => {
  refuseViolations([listLength('partitionValueList', input.PartitionValueList, { max: MAX_VALUES })]);
  updateOne(partitionedTable(ctx, input, 'update'), input.PartitionValueList, input.PartitionInput);
  return {};
});

export const BatchUpdatePartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  Entries: z.array(z.object({ PartitionValueList: PartitionValuesSchema, PartitionInput: PartitionInputSchema })),
});

/**
 * BatchUpdatePartition: 1 to 100 updates of one table's partitions (ValidationException otherwise).
 * A missing or forbidden table refuses the whole call; an update that fails (EntityNotFoundException
 * for a missing partition, InvalidInputException for values that do not fit) is reported in `Errors`
 * (`BatchUpdatePartitionFailureEntry`: `PartitionValueList`, `ErrorDetail`) and the others are made.
 */
export const batchUpdatePartition = operation(BatchUpdatePartitionInputSchema, (ctx, input) => {
  refuseViolations([
    listLength('entries', input.Entries, { min: 1, max: BATCH_UPDATE_PARTITION_MAX }),
    ...input.Entries.map((entry, i) => listLength(`entries.${i + 1}.member.partitionValueList`, entry.PartitionValueList, { max: MAX_VALUES })),
  ]);
  const found = partitionedTable(ctx, input, 'update');
  const errors: { PartitionValueList: string[]; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[] = [];
  for (const entry of input.Entries) {
    const fault = ctx.entryFault();
    try {
      if (fault) throw new AwsError(fault.code, fault.message);
      updateOne(found, entry.PartitionValueList, entry.PartitionInput);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      errors.push({ PartitionValueList: entry.PartitionValueList, ErrorDetail: { ErrorCode: error.code, ErrorMessage: error.message } });
    }
  }
  return { Errors: errors };
});
