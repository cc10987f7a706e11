import type { GluePartition, GlueTable } from '../aws/world';

/** A column as Glue stores it. */
type Column = { Name: string; Type: string; Comment?: string };

const PARQUET = {
  InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  SerdeInfo: {
    SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    Parameters: { 'serialization.format': '1' },
  },
};

function col(Name: string, Type: string, Comment?: string): Column {
  return Comment === undefined ? { Name, Type } : { Name, Type, Comment };
}

/** One parquet table of the producer's `telco` database, in the spirit of the TLC303 telco data mesh workshop. */
function table(catalogId: string, database: string, bucket: string, name: string, description: string, columns: Column[], partitionKeys: Column[], createTime: number): GlueTable {
  return {
    Name: name,
    DatabaseName: database,
    CatalogId: catalogId,
    Description: description,
    Owner: 'hadoop',
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', EXTERNAL: 'TRUE', 'parquet.compression': 'SNAPPY' },
    StorageDescriptor: {
      Columns: columns,
      Location: `s3://${bucket}/${name}/`,
      ...PARQUET,
      Compressed: true,
      NumberOfBuckets: -1,
      BucketColumns: [],
      SortColumns: [],
      Parameters: {},
      StoredAsSubDirectories: false,
    },
    PartitionKeys: partitionKeys,
    CreateTime: createTime,
    UpdateTime: createTime,
    VersionId: '1',
  };
}

/** The three sample tables: `usecase*` selects the first two. */
export function telcoTables(catalogId: string, database: string, bucket: string, createTime: number): GlueTable[] {
  return [
    table(
      catalogId,
      database,
      bucket,
      'usecase1_cell_kpis',
      'Hourly radio KPIs per cell',
      [
        col('cell_id', 'string', 'Cell global identity'),
        col('tower_id', 'string'),
        col('region', 'string'),
        col('hour', 'timestamp', 'Start of the hour, UTC'),
        col('technology', 'string', '4G or 5G'),
        col('prb_utilization', 'double', 'Physical resource block utilisation, 0..1'),
        col('dl_throughput_mbps', 'double'),
        col('ul_throughput_mbps', 'double'),
        col('active_users', 'int'),
        col('dropped_call_rate', 'double'),
        col('handover_success_rate', 'double'),
        col('availability', 'boolean'),
      ],
      [col('year', 'string'), col('month', 'string'), col('day', 'string')],
      createTime,
    ),
    table(
      catalogId,
      database,
      bucket,
      'usecase2_customer_churn',
      'Monthly customer snapshot with churn label',
      [
        col('customer_id', 'string'),
        col('tenure_months', 'int'),
        col('contract_type', 'string', 'prepaid, monthly, annual'),
        col('monthly_charges', 'double'),
        col('total_charges', 'double'),
        col('data_usage_gb', 'double'),
        col('voice_minutes', 'bigint'),
        col('support_calls', 'int'),
        col('home_cell_id', 'string'),
        col('signup_date', 'date'),
        col('churned', 'boolean'),
      ],
      [col('snapshot_date', 'date')],
      createTime,
    ),
    table(
      catalogId,
      database,
      bucket,
      'cell_towers',
      'Cell tower inventory',
      [
        col('tower_id', 'string'),
        col('latitude', 'double'),
        col('longitude', 'double'),
        col('region', 'string'),
        col('technology', 'string'),
        col('vendor', 'string'),
        col('height_m', 'double'),
        col('commissioned_on', 'date'),
      ],
      [],
      createTime,
    ),
  ];
}

const DAY_MS = 86_400_000;

/** `count` consecutive days from `start` (UTC), as the values of a `year`/`month`/`day` partitioned table. */
function daily(start: string, count: number): string[][] {
  return Array.from({ length: count }, (_, i) => new Date(Date.parse(start) + i * DAY_MS).toISOString().slice(0, 10).split('-'));
}

/** `count` consecutive first days of the month from `year`-`month`, as `snapshot_date` values. */
function monthly(year: number, month: number, count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 10)]);
}

/** Which partitions each sample table has, by table name: five weeks of daily KPIs, three years of monthly churn snapshots. */
const PARTITION_VALUES: Record<string, string[][]> = {
  usecase1_cell_kpis: daily('2024-01-01', 36),
  usecase2_customer_churn: monthly(2022, 1, 36),
};

/**
 * The partitions of a sample table, as a crawler registers them: one per Hive-style prefix under the
 * table's location (`…/year=2024/month=01/day=01/`), with the table's storage format. A table without
 * partition keys has none.
 */
export function telcoPartitions(table: GlueTable): GluePartition[] {
  const keys = table.PartitionKeys ?? [];
  const values = keys.length === 0 ? [] : (PARTITION_VALUES[table.Name] ?? []);
  return values.map((Values) => ({
    Values,
    DatabaseName: table.DatabaseName,
    TableName: table.Name,
    CatalogId: table.CatalogId,
    CreationTime: table.CreateTime,
    StorageDescriptor: {
      ...table.StorageDescriptor,
      Location: `${table.StorageDescriptor?.Location ?? ''}${keys.map((k, i) => `${k.Name}=${Values[i] ?? ''}`).join('/')}/`,
    },
    Parameters: { classification: 'parquet' },
  }));
}
