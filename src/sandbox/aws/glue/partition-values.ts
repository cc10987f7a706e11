import { AwsError } from '../aws-error';
import type { GlueTable } from '../world';

/**
 * A partition is named by its values, in the order of the table's `PartitionKeys` (Glue API,
 * `PartitionInput.Values`: "ordered in the same order as the partition keys appearing in the Amazon
 * S3 prefix").
 */

/**
 * The key a partition is stored under: its values as a JSON array. Never an integer-like string, so
 * a record of partitions keeps insertion (creation) order, which GetPartitions pages rely on.
 */
export function partitionKey(values: readonly string[]): string {
  return JSON.stringify(values);
}

/**
 * Refuse values that do not name a partition of `table`. `PartitionInput.Values` "is not required by
 * the SDK, [but] you must specify this parameter for a valid input" (Glue API, PartitionInput); the
 * count must match the table's partition keys. Glue's docs give no message for either; the count
 * message is the one Glue answers in public reports (apache/hudi#6281).
 */
export function checkPartitionValues(table: GlueTable, values: readonly string[] | undefined): readonly string[] {
  if (values === undefined || values.length === 0) throw new AwsError('InvalidInputException', 'Values must be specified for a partition.');
  if (values.length !== (table.PartitionKeys ?? []).length) throw new AwsError('InvalidInputException', 'The number of partition keys do not match the number of partition values');
  return values;
}

/** Glue's answer for a partition that does not exist (EntityNotFoundException; the docs give no message text). */
export function partitionNotFound(): AwsError {
  return new AwsError('EntityNotFoundException', 'Cannot find partition.');
}

/** Glue's answer for a partition created twice (AlreadyExistsException; the docs give no message text). */
export function partitionExists(): AwsError {
  return new AwsError('AlreadyExistsException', 'Partition already exists.');
}
