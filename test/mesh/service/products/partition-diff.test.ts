import type { Partition } from '@aws-sdk/client-glue';
import { describe, expect, it } from 'vitest';
import { diffPartitions, mirrorPartitionInput } from '../../../../src/mesh/service/products/partition-diff';

const at = (year: string, month: string, extra: Partial<Partition> = {}): Partition => ({
  Values: [year, month],
  DatabaseName: 'telco',
  TableName: 'usecase1_cell_kpis',
  CatalogId: '111111111111',
  CreationTime: new Date('2024-01-01T00:00:00Z'),
  StorageDescriptor: { Location: `s3://producer/telco/cell_kpis/year=${year}/month=${month}/`, Columns: [{ Name: 'cell_id', Type: 'string' }] },
  Parameters: { numRows: '10' },
  ...extra,
});

describe('mirrorPartitionInput', () => {
  it("keeps the values, storage and parameters, and drops what Glue keeps about the source's copy", () => {
    const input = mirrorPartitionInput(at('2024', '01'));
    expect(input).toEqual({
      Values: ['2024', '01'],
      StorageDescriptor: { Location: 's3://producer/telco/cell_kpis/year=2024/month=01/', Columns: [{ Name: 'cell_id', Type: 'string' }] },
      Parameters: { numRows: '10' },
    });
  });
});

describe('diffPartitions', () => {
  it('creates the new, updates the changed, drops the gone and counts the rest', () => {
    const source = [at('2024', '01'), at('2024', '02', { Parameters: { numRows: '20' } }), at('2024', '03')].map(mirrorPartitionInput);
    const mesh = [at('2024', '01'), at('2024', '02'), at('2023', '12')].map(mirrorPartitionInput);
    const diff = diffPartitions(source, mesh);
    expect(diff.added.map((p) => p.Values)).toEqual([['2024', '03']]);
    expect(diff.changed.map((p) => [p.Values, p.Parameters])).toEqual([[['2024', '02'], { numRows: '20' }]]);
    expect(diff.dropped).toEqual([['2023', '12']]);
    expect(diff.unchanged).toBe(1);
  });

  it('sees a moved location as a change, and the same definition in another key order as none', () => {
    const moved = mirrorPartitionInput(at('2024', '01', { StorageDescriptor: { Location: 's3://elsewhere/', Columns: [] } }));
    expect(diffPartitions([moved], [mirrorPartitionInput(at('2024', '01'))]).changed).toHaveLength(1);
    const reordered = { Parameters: { numRows: '10' }, StorageDescriptor: mirrorPartitionInput(at('2024', '01')).StorageDescriptor, Values: ['2024', '01'] };
    expect(diffPartitions([reordered], [mirrorPartitionInput(at('2024', '01'))])).toMatchObject({ added: [], changed: [], dropped: [], unchanged: 1 });
  });
});
