import type { TableInput } from '@aws-sdk/client-glue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, describeChanges, diffCatalog, sameDefinition } from '../../../../src/mesh/service/products/catalog-diff';

function table(name: string, columns: [string, string][], location = `s3://bucket/${name}/`): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    PartitionKeys: [{ Name: 'day', Type: 'string' }],
    StorageDescriptor: { Columns: columns.map(([Name, Type]) => ({ Name, Type })), Location: location },
  };
}

describe('diffCatalog', () => {
  it('sorts tables into added, changed (with what changed), unchanged and gone', () => {
    const source = [table('a', [['id', 'string']]), table('b', [['id', 'string'], ['score', 'double']]), table('c', [['id', 'bigint']])];
    const mesh = [table('b', [['id', 'string']]), table('c', [['id', 'bigint']]), table('old', [['id', 'string']])];
    const diff = diffCatalog(source, mesh);
    expect(diff.added.map((t) => t.Name)).toEqual(['a']);
    expect(diff.changed).toEqual([{ name: 'b', input: source[1], changes: ['column score added'] }]);
    expect(diff.unchanged).toEqual(['c']);
    expect(diff.gone).toEqual(['old']);
  });

  it('ignores key order and absent keys when comparing definitions', () => {
    const a: TableInput = { Name: 't', TableType: 'EXTERNAL_TABLE', Parameters: { x: '1', y: '2' } };
    const b: TableInput = { Parameters: { y: '2', x: '1' }, TableType: 'EXTERNAL_TABLE', Name: 't', Description: undefined };
    expect(sameDefinition(a, b)).toBe(true);
    expect(diffCatalog([a], [b]).unchanged).toEqual(['t']);
  });
});

describe('describeChanges', () => {
  it('names added, removed and retyped columns and partition keys, and a moved location', () => {
    const before = table('t', [['id', 'string'], ['tenure', 'int'], ['legacy', 'string']]);
    const after: TableInput = { ...table('t', [['id', 'string'], ['tenure', 'bigint'], ['churn_score', 'double']], 's3://elsewhere/t/'), PartitionKeys: [] };
    expect(describeChanges(before, after)).toEqual([
      'column tenure: int → bigint',
      'column churn_score added',
      'column legacy removed',
      'partition key day removed',
      'location changed',
    ]);
  });

  it('names a changed table parameter', () => {
    expect(describeChanges({ ...table('t', []), Parameters: { a: '1' } }, { ...table('t', []), Parameters: { a: '2' } })).toEqual(['Parameters changed']);
  });
});

const NAMES = ['t1', 't2', 't3', 't4', 't5', 't6'];
const columnArb = fc.record({ Name: fc.constantFrom('id', 'value', 'day', 'score', 'region'), Type: fc.constantFrom('string', 'int', 'double') });
const tableArb = fc.record({
  Name: fc.constantFrom(...NAMES),
  TableType: fc.constantFrom('EXTERNAL_TABLE', 'VIRTUAL_VIEW'),
  StorageDescriptor: fc.record({ Columns: fc.uniqueArray(columnArb, { selector: (c) => c.Name, maxLength: 4 }), Location: fc.constantFrom('s3://a/', 's3://b/') }),
  PartitionKeys: fc.uniqueArray(columnArb, { selector: (c) => c.Name, maxLength: 2 }),
});
const catalogArb = fc.uniqueArray(tableArb, { selector: (t) => t.Name, maxLength: NAMES.length });
const byName = (tables: TableInput[]): TableInput[] => [...tables].sort((a, b) => (a.Name ?? '').localeCompare(b.Name ?? ''));

describe('diffCatalog properties', () => {
  it('applying the diff to the mesh side yields the source side', () => {
    fc.assert(
      fc.property(catalogArb, catalogArb, (source, mesh) => {
        expect(applyDiff(mesh, diffCatalog(source, mesh))).toEqual(byName(source));
      }),
    );
  });

  it('finds nothing to do between a side and itself, and every table lands in exactly one bucket', () => {
    fc.assert(
      fc.property(catalogArb, catalogArb, (source, mesh) => {
        const self = diffCatalog(source, source);
        expect([self.added, self.changed, self.gone].map((l) => l.length)).toEqual([0, 0, 0]);
        const diff = diffCatalog(source, mesh);
        const names = [...diff.added.map((t) => t.Name), ...diff.changed.map((c) => c.name), ...diff.unchanged, ...diff.gone].sort();
        expect(names).toEqual([...new Set([...source, ...mesh].map((t) => t.Name))].sort());
        for (const change of diff.changed) expect(change.changes.length).toBeGreaterThan(0);
      }),
    );
  });
});
