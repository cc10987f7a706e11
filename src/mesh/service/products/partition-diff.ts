import type { PartitionDefinition } from '../../aws/glue-definitions';
import { sameDefinition } from './catalog-diff';
import { mirrorStorage } from './mirror-table';

/** What to do to a mesh table's partitions so they mirror its source's. */
export interface PartitionDiff {
  /** In the source, not in the mesh: create. */
  added: PartitionDefinition[];
  /** In both, defined differently (location, columns, parameters): update to the source's. */
  changed: PartitionDefinition[];
  /** In the mesh, no longer in the source: delete (a partition is an index entry; the data stays in S3). */
  dropped: string[][];
  unchanged: number;
}

/**
 * The definition that mirrors a source partition: its values, storage and parameters, without
 * what Glue keeps about the copy itself (catalog, database, table, times). Pure.
 */
export function mirrorPartitionInput(source: PartitionDefinition): PartitionDefinition {
  const input: PartitionDefinition = { Values: [...(source.Values ?? [])] };
  if (source.StorageDescriptor) input.StorageDescriptor = mirrorStorage(source.StorageDescriptor);
  if (source.Parameters) input.Parameters = { ...source.Parameters };
  return input;
}

/** A partition's identity within its table: its values, in partition-key order. */
export function partitionKey(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** The difference between a source table's partitions and its mirror's, both as mirrored inputs. Pure. */
export function diffPartitions(source: readonly PartitionDefinition[], mesh: readonly PartitionDefinition[]): PartitionDiff {
  const meshByKey = new Map(mesh.map((p) => [partitionKey(p.Values ?? []), p]));
  const sourceKeys = new Set<string>();
  const diff: PartitionDiff = { added: [], changed: [], dropped: [], unchanged: 0 };
  for (const partition of source) {
    const key = partitionKey(partition.Values ?? []);
    sourceKeys.add(key);
    const current = meshByKey.get(key);
    if (!current) diff.added.push(partition);
    else if (!sameDefinition(current, partition)) diff.changed.push(partition);
    else diff.unchanged += 1;
  }
  for (const [key, partition] of meshByKey) if (!sourceKeys.has(key)) diff.dropped.push([...(partition.Values ?? [])]);
  return diff;
}
