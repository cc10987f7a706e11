import type { ColumnDefinition, StorageDefinition, TableDefinition } from '../../aws/glue-definitions';

/** A copy of `value` without the keys whose value is undefined (so equal definitions compare equal). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function column(source: ColumnDefinition): ColumnDefinition {
  return defined({ Name: source.Name, Type: source.Type, Comment: source.Comment, Parameters: source.Parameters && { ...source.Parameters } });
}

/** The storage of a table or partition as mirrored: what the data is and where it lives. */
export function mirrorStorage(source: StorageDefinition): StorageDefinition {
  // Everything that says what the data is and where it lives; structuredClone keeps the source untouched.
  return defined({ ...structuredClone(source), Columns: source.Columns?.map(column) });
}

/**
 * The definition that mirrors a producer table in the mesh catalog: same name, columns, partition
 * keys, storage (location, formats, SerDe), table type and parameters; without what Glue keeps
 * about the source itself (catalog, database, times, version, creator). Pure; the source is not changed.
 */
export function mirrorTableInput(source: TableDefinition): TableDefinition {
  return defined({
    Name: source.Name?.toLowerCase(),
    Description: source.Description,
    Owner: source.Owner,
    Retention: source.Retention,
    TableType: source.TableType,
    Parameters: source.Parameters && { ...source.Parameters },
    PartitionKeys: source.PartitionKeys?.map(column),
    StorageDescriptor: source.StorageDescriptor && mirrorStorage(source.StorageDescriptor),
    ViewOriginalText: source.ViewOriginalText,
    ViewExpandedText: source.ViewExpandedText,
  });
}

/** Whether a table is a resource link (a pointer to another table), which is never published itself. */
export function isResourceLink(table: TableDefinition): boolean {
  return table.TargetTable !== undefined;
}
