import * as z from 'zod';
import { AwsError } from '../aws-error';
import { type CallContext, operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema, type PartitionInput, PartitionInputSchema } from './glue-inputs';
import { listLength, refuseViolations } from './model-constraints';
import { type PartitionedTable, partitionedTable } from './partition-table';
import { checkPartitionValues, partitionExists, partitionKey } from './partition-values';

// Sources: AWS Glue API Reference, "CreatePartition" / "BatchCreatePartition" (model:
// PartitionInputList max 100; per-entry Errors); Lake Formation permissions reference (INSERT).

/** Model: `PartitionInputList` max 100 (min 0: an empty list creates nothing). */
export const BATCH_CREATE_PARTITION_MAX = 100;

/** Store one new partition of `found.table`; throws the Glue error that refuses it. */
function createOne(ctx: CallContext, found: PartitionedTable, input: PartitionInput): void {
  const values = checkPartitionValues(found.table, input.Values);
  const key = partitionKey(values);
  if (found.partitions[key]) throw partitionExists();
  const { Values: _values, ...definition } = input;
  found.partitions[key] = {
    ...definition,
    Values: [...values],
    DatabaseName: found.table.DatabaseName,
    TableName: found.table.Name,
    CatalogId: found.catalogId,
    CreationTime: Math.floor(ctx.now() / 1000),
  };
}

export const CreatePartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  PartitionInput: PartitionInputSchema,
});

/**
 * CreatePartition: adds one partition to a table (through resource links to the target table).
 * Needs INSERT on the table (see partition-table.ts). A partition with the same values is
 * AlreadyExistsException; values that do not fit the table's partition keys InvalidInputException.
 */
export const createPartition = operation(CreatePartitionInputSchema, (ctx, input) => {
  createOne(ctx, partitionedTable(ctx, input, 'create'), input.PartitionInput);
  return {};
});

export const BatchCreatePartitionInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableName: GlueNameSchema,
  PartitionInputList: z.array(PartitionInputSchema),
});

/**
 * BatchCreatePartition: up to 100 partitions of one table. More than 100 refuse the whole call
 * (ValidationException). A missing or forbidden table refuses the whole call too (the operation's
 * modelled EntityNotFoundException, or AccessDeniedException); each partition that cannot be created
 * (AlreadyExistsException for one that exists or repeats an earlier entry, InvalidInputException for
 * values that do not fit) is reported in `Errors` (`PartitionError`: `PartitionValues`, `ErrorDetail`)
 * of a successful answer, and the others are created.
 */
export const batchCreatePartition = operation(BatchCreatePartitionInputSchema, (ctx, input) => {
  refuseViolations([listLength('partitionInputList', input.PartitionInputList, { max: BATCH_CREATE_PARTITION_MAX })]);
  const found = partitionedTable(ctx, input, 'create');
  const errors: { PartitionValues: string[]; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[] = [];
  for (const partition of input.PartitionInputList) {
    const fault = ctx.entryFault();
    try {
      if (fault) throw new AwsError(fault.code, fault.message);
      createOne(ctx, found, partition);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      errors.push({ PartitionValues: partition.Values ?? [], ErrorDetail: { ErrorCode: error.code, ErrorMessage: error.message } });
    }
  }
  return { Errors: errors };
});
