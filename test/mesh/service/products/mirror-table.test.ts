import type { Table } from '@aws-sdk/client-glue';
import { describe, expect, it } from 'vitest';
import { isResourceLink, mirrorTableInput } from '../../../../src/mesh/service/products/mirror-table';

/** A producer table as GetTables answers it (dates parsed by the SDK). */
function sourceTable(): Table {
  return {
    Name: 'usecase2_customer_churn',
    DatabaseName: 'telco',
    CatalogId: '111111111111',
    Description: 'Monthly customer snapshot with churn label',
    Owner: 'hadoop',
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
    PartitionKeys: [{ Name: 'snapshot_date', Type: 'date' }],
    StorageDescriptor: {
      Columns: [
        { Name: 'customer_id', Type: 'string' },
        { Name: 'contract_type', Type: 'string', Comment: 'prepaid, monthly, annual' },
      ],
      Location: 's3://producer-111111111111-telco/usecase2_customer_churn/',
      InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
      SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe', Parameters: { 'serialization.format': '1' } },
      Compressed: true,
      NumberOfBuckets: -1,
    },
    CreateTime: new Date('2026-01-01T00:00:00Z'),
    UpdateTime: new Date('2026-01-02T00:00:00Z'),
    VersionId: '3',
    CreatedBy: 'arn:aws:iam::111111111111:user/sandbox-admin',
    IsRegisteredWithLakeFormation: false,
  };
}

describe('mirrorTableInput', () => {
  it('keeps the name, columns, partition keys, storage (location, formats, SerDe), type and parameters', () => {
    const input = mirrorTableInput(sourceTable());
    expect(input).toEqual({
      Name: 'usecase2_customer_churn',
      Description: 'Monthly customer snapshot with churn label',
      Owner: 'hadoop',
      TableType: 'EXTERNAL_TABLE',
      Parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
      PartitionKeys: [{ Name: 'snapshot_date', Type: 'date' }],
      StorageDescriptor: sourceTable().StorageDescriptor,
    });
  });

  it('leaves out what Glue keeps about the source itself: catalog, database, times, version, creator', () => {
    const input: object = mirrorTableInput(sourceTable());
    for (const key of ['CatalogId', 'DatabaseName', 'CreateTime', 'UpdateTime', 'VersionId', 'CreatedBy', 'IsRegisteredWithLakeFormation']) expect(input).not.toHaveProperty(key);
  });

  it('does not change the source, and shares no object with it', () => {
    const source = sourceTable();
    const input = mirrorTableInput(source);
    input.StorageDescriptor?.Columns?.push({ Name: 'extra', Type: 'int' });
    input.Parameters!.classification = 'csv';
    expect(source).toEqual(sourceTable());
  });

  it('lower-cases the name, as Glue stores it', () => {
    expect(mirrorTableInput({ ...sourceTable(), Name: 'UseCase2' }).Name).toBe('usecase2');
  });
});

describe('isResourceLink', () => {
  it('tells a resource link from a table', () => {
    expect(isResourceLink({ Name: 'usecase1_link', TargetTable: { CatalogId: '555555555555', DatabaseName: 'telco-111111111111', Name: 'usecase1' } })).toBe(true);
    expect(isResourceLink(sourceTable())).toBe(false);
  });
});
