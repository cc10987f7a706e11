import { BatchCreatePartitionCommand, BatchDeletePartitionCommand, BatchUpdatePartitionCommand, GetPartitionsCommand, type ErrorDetail } from '@aws-sdk/client-glue';
import { AwsRefusedError } from '../errors';
import { inBatches } from '../plan/chunk-batches';
import { sendAws } from './aws-call';
import { readAllAwsPages } from './aws-pages';
import type { GlueCatalogOptions } from './glue-catalog';
import { partitionOf, type PartitionDefinition } from './glue-definitions';

/**
 * Glue's limits per call, from its service model: GetPartitions pages of ≤ 1,000 (`PageSize`),
 * BatchCreatePartition and BatchUpdatePartition ≤ 100 entries (`PartitionInputList`,
 * `BatchUpdatePartitionRequestEntryList`), BatchDeletePartition ≤ 25 (`BatchDeletePartitionValueList`).
 */
export const PARTITION_LIMITS = { page: 1000, create: 100, update: 100, delete: 25 } as const;

/** The partition operations mirroring needs on one table, in batches at Glue's limits. */
export interface GluePartitions {
  /** Every partition of a table, all pages. */
  list(database: string, table: string): Promise<PartitionDefinition[]>;
  /** Create partitions; those that already exist are returned, to be updated instead. */
  create(database: string, table: string, inputs: readonly PartitionDefinition[]): Promise<PartitionDefinition[]>;
  /** Replace partitions' definitions (each keeps its values). */
  update(database: string, table: string, inputs: readonly PartitionDefinition[]): Promise<void>;
  /** Delete partitions by values; ones already gone count as deleted. */
  delete(database: string, table: string, values: readonly string[][]): Promise<void>;
}

/** The partitions of catalog `catalogId` through a role session's client, retried on throttling. */
export function gluePartitions(session: GlueCatalogOptions): GluePartitions {
  const { client, catalogId, roleName, accountId } = session;
  const call = <T>(doing: string, send: () => Promise<T>): Promise<T> => sendAws(session, doing, send);
  // Batch calls answer 200 with per-entry errors: any left is a refusal of the whole step.
  const refuse = (doing: string, errors: { values: string[]; detail: ErrorDetail | undefined }[], of: number): never => {
    const first = errors[0];
    throw new AwsRefusedError(
      first?.detail?.ErrorCode ?? 'UnknownError',
      `AWS refused to ${doing} for ${errors.length} of ${of} partitions (as ${roleName} in ${accountId}): ${first ? `[${first.values.join(', ')}] ${first.detail?.ErrorMessage ?? ''}` : ''}`,
      'publish again: it picks up where this stopped',
    );
  };

  return {
    async list(database, table) {
      const doing = `list the partitions of ${database}.${table} in catalog ${catalogId}`;
      const partitions = await readAllAwsPages(doing, async (token) => {
        const page = await call(doing, () =>
          client.send(new GetPartitionsCommand({ CatalogId: catalogId, DatabaseName: database, TableName: table, MaxResults: PARTITION_LIMITS.page, ...(token !== undefined && { NextToken: token }) })),
        );
        return { items: page.Partitions, next: page.NextToken };
      });
      return partitions.map(partitionOf);
    },

    async create(database, table, inputs) {
      const existing: PartitionDefinition[] = [];
      const failed: { values: string[]; detail: ErrorDetail | undefined }[] = [];
      const doing = `create partitions of ${database}.${table} in catalog ${catalogId}`;
      for (const batch of inBatches(inputs, PARTITION_LIMITS.create)) {
        const answer = await call(doing, () => client.send(new BatchCreatePartitionCommand({ CatalogId: catalogId, DatabaseName: database, TableName: table, PartitionInputList: batch })));
        for (const error of answer.Errors ?? []) {
          const values = error.PartitionValues ?? [];
          const input = batch.find((p) => JSON.stringify(p.Values) === JSON.stringify(values));
          if (error.ErrorDetail?.ErrorCode === 'AlreadyExistsException' && input) existing.push(input);
          else failed.push({ values, detail: error.ErrorDetail });
        }
      }
      if (failed.length > 0) refuse(doing, failed, inputs.length);
      return existing;
    },

    async update(database, table, inputs) {
      const failed: { values: string[]; detail: ErrorDetail | undefined }[] = [];
      const doing = `update partitions of ${database}.${table} in catalog ${catalogId}`;
      for (const batch of inBatches(inputs, PARTITION_LIMITS.update)) {
        const Entries = batch.map((input) => ({ PartitionValueList: input.Values ?? [], PartitionInput: input }));
        const answer = await call(doing, () => client.send(new BatchUpdatePartitionCommand({ CatalogId: catalogId, DatabaseName: database, TableName: table, Entries })));
        for (const error of answer.Errors ?? []) failed.push({ values: error.PartitionValueList ?? [], detail: error.ErrorDetail });
      }
      if (failed.length > 0) refuse(doing, failed, inputs.length);
    },

    async delete(database, table, values) {
      const failed: { values: string[]; detail: ErrorDetail | undefined }[] = [];
      const doing = `delete partitions of ${database}.${table} in catalog ${catalogId}`;
      for (const batch of inBatches(values, PARTITION_LIMITS.delete)) {
        const PartitionsToDelete = batch.map((Values) => ({ Values }));
        const answer = await call(doing, () => client.send(new BatchDeletePartitionCommand({ CatalogId: catalogId, DatabaseName: database, TableName: table, PartitionsToDelete })));
        for (const error of answer.Errors ?? []) {
          if (error.ErrorDetail?.ErrorCode !== 'EntityNotFoundException') failed.push({ values: error.PartitionValues ?? [], detail: error.ErrorDetail });
        }
      }
      if (failed.length > 0) refuse(doing, failed, values.length);
    },
  };
}
