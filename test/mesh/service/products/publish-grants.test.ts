import { describe, expect, it } from 'vitest';
import { describeEntries } from '../../../../src/mesh/service/products/publish-grants';

describe('describeEntries', () => {
  it('gives DESCRIBE on the database and each table, with grant option only when asked, unique ids', () => {
    const entries = describeEntries({ meshCatalogId: '555555555555', meshDatabase: 'telco-111111111111', tables: ['a', 'b'], principal: '111111111111', withGrantOption: true });
    expect(entries.map((e) => e.Resource)).toEqual([
      { Database: { CatalogId: '555555555555', Name: 'telco-111111111111' } },
      { Table: { CatalogId: '555555555555', DatabaseName: 'telco-111111111111', Name: 'a' } },
      { Table: { CatalogId: '555555555555', DatabaseName: 'telco-111111111111', Name: 'b' } },
    ]);
    expect(entries.every((e) => e.Permissions.join() === 'DESCRIBE' && e.PermissionsWithGrantOption.join() === 'DESCRIBE')).toBe(true);
    expect(new Set(entries.map((e) => e.Id)).size).toBe(3);
    const readOnly = describeEntries({ meshCatalogId: '555555555555', meshDatabase: 'd', tables: ['a'], principal: 'arn:aws:iam::555555555555:role/MeshbotMeshReadOnly', withGrantOption: false });
    expect(readOnly.every((e) => e.PermissionsWithGrantOption.length === 0)).toBe(true);
  });
});
