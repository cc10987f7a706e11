import type { Database, Partition, Table } from '@aws-sdk/client-glue';

/**
 * Glue catalog entries as the mesh reads and writes them: Glue's own shapes (Glue API Reference,
 * "Data types": Column, StorageDescriptor, TableInput, PartitionInput, DatabaseInput), kept to the
 * members the mesh uses and with their member names, so a definition read in one catalog is written
 * to another unchanged. Members Glue's model requires keep a key that may hold undefined, as its
 * answers type them. The Glue adapters convert to and from the SDK's types; nothing outside
 * src/mesh/aws sees those.
 */

/** A column or partition key (Glue `Column`). */
export interface ColumnDefinition {
  Name: string | undefined;
  Type?: string | undefined;
  Comment?: string | undefined;
  Parameters?: Record<string, string> | undefined;
}

/** A sort column of a table's storage (Glue `Order`). */
export interface SortColumn {
  Column: string | undefined;
  SortOrder: number | undefined;
}

/**
 * What a table's or partition's data is and where it lives (Glue `StorageDescriptor`): every member,
 * since mirroring copies all of it.
 */
export interface StorageDefinition {
  Columns?: ColumnDefinition[] | undefined;
  Location?: string | undefined;
  AdditionalLocations?: string[] | undefined;
  InputFormat?: string | undefined;
  OutputFormat?: string | undefined;
  Compressed?: boolean | undefined;
  NumberOfBuckets?: number | undefined;
  SerdeInfo?: { Name?: string | undefined; SerializationLibrary?: string | undefined; Parameters?: Record<string, string> | undefined } | undefined;
  BucketColumns?: string[] | undefined;
  SortColumns?: SortColumn[] | undefined;
  Parameters?: Record<string, string> | undefined;
  SkewedInfo?:
    | { SkewedColumnNames?: string[] | undefined; SkewedColumnValues?: string[] | undefined; SkewedColumnValueLocationMaps?: Record<string, string> | undefined }
    | undefined;
  StoredAsSubDirectories?: boolean | undefined;
  SchemaReference?:
    | {
        SchemaId?: { SchemaArn?: string | undefined; SchemaName?: string | undefined; RegistryName?: string | undefined } | undefined;
        SchemaVersionId?: string | undefined;
        SchemaVersionNumber?: number | undefined;
      }
    | undefined;
}

/** The table a resource link points to (Glue `TableIdentifier`). */
export interface TableTarget {
  CatalogId?: string | undefined;
  DatabaseName?: string | undefined;
  Name?: string | undefined;
}

/**
 * A table or resource link as read, and as created or updated (Glue `TableInput`): without what Glue
 * keeps about the entry itself (its catalog, database, times, version, creator).
 */
export interface TableDefinition {
  Name: string | undefined;
  Description?: string | undefined;
  Owner?: string | undefined;
  Retention?: number | undefined;
  TableType?: string | undefined;
  Parameters?: Record<string, string> | undefined;
  PartitionKeys?: ColumnDefinition[] | undefined;
  StorageDescriptor?: StorageDefinition | undefined;
  ViewOriginalText?: string | undefined;
  ViewExpandedText?: string | undefined;
  /** Set on a resource link: the table it points to. */
  TargetTable?: TableTarget | undefined;
}

/** A partition as read, and as created or updated (Glue `PartitionInput`), without its table's names and its times. */
export interface PartitionDefinition {
  Values?: string[] | undefined;
  StorageDescriptor?: StorageDefinition | undefined;
  Parameters?: Record<string, string> | undefined;
}

/** A database or database resource link as read, and as created (Glue `DatabaseInput`). */
export interface DatabaseDefinition {
  Name: string | undefined;
  Description?: string | undefined;
  LocationUri?: string | undefined;
  /** Set on a database resource link: the database it points to. */
  TargetDatabase?: { CatalogId?: string | undefined; DatabaseName?: string | undefined } | undefined;
}

/** The members of `value` named in `keys` that are set: Glue leaves out what an entry does not have, and so do we. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Pick<T, K>;
}

const TABLE_MEMBERS = ['Name', 'Description', 'Owner', 'Retention', 'TableType', 'Parameters', 'PartitionKeys', 'ViewOriginalText', 'ViewExpandedText'] as const;

/** A table of a Glue answer (GetTable, GetTables) as a definition. */
export function tableOf(table: Table): TableDefinition {
  return {
    ...pick(table, TABLE_MEMBERS),
    Name: table.Name,
    // The storage whole, as Glue answered it: mirroring keeps every member of it, even one the SDK adds later.
    ...(table.StorageDescriptor !== undefined && { StorageDescriptor: table.StorageDescriptor }),
    ...(table.TargetTable !== undefined && { TargetTable: pick(table.TargetTable, ['CatalogId', 'DatabaseName', 'Name']) }),
  };
}

/** A partition of a Glue answer (GetPartitions) as a definition. */
export function partitionOf(partition: Partition): PartitionDefinition {
  return {
    ...pick(partition, ['Values', 'Parameters']),
    ...(partition.StorageDescriptor !== undefined && { StorageDescriptor: partition.StorageDescriptor }),
  };
}

/** A database of a Glue answer (GetDatabase) as a definition. */
export function databaseOf(database: Database): DatabaseDefinition {
  return {
    ...pick(database, ['Description', 'LocationUri']),
    Name: database.Name,
    ...(database.TargetDatabase !== undefined && { TargetDatabase: pick(database.TargetDatabase, ['CatalogId', 'DatabaseName']) }),
  };
}
