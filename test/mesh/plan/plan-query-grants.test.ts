import { describe, expect, it } from 'vitest';
import { planGrants } from '../../../src/mesh/plan/plan-grants';
import { planQueryGrants } from '../../../src/mesh/plan/plan-query-grants';
import { diffPlans } from '../../../src/mesh/plan/diff-plans';

const MESH = '555555555555';
const CONSUMER = '999999999999';
const DB = 'telco-111111111111';
const ANALYST = `arn:aws:iam::${CONSUMER}:role/Analyst`;
const REPORTING = `arn:aws:iam::${CONSUMER}:role/bi/Reporting`;

const plan = (permissions: ('SELECT' | 'DESCRIBE' | 'INSERT')[], columns?: { kind: 'exclude'; names: string[] }) =>
  planGrants({ meshCatalogId: MESH, meshDatabase: DB, tables: ['usecase1'], grantee: CONSUMER, permissions, grantable: [], ...(columns && { columns }) });
const links = [{ catalogId: CONSUMER, database: `${DB}_tables`, table: 'usecase1', targetCatalogId: MESH, targetDatabase: DB, targetTable: 'usecase1' }];

describe('planQueryGrants', () => {
  it('gives each query role DESCRIBE on the links and the account’s permissions on the targets, without the grant option', () => {
    const entries = planQueryGrants({ plan: plan(['SELECT', 'DESCRIBE']), links, principals: [ANALYST] });
    expect(entries.map(({ Id: _id, ...rest }) => rest)).toEqual([
      { Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: { Table: { CatalogId: CONSUMER, DatabaseName: `${DB}_tables`, Name: 'usecase1' } }, Permissions: ['DESCRIBE'], PermissionsWithGrantOption: [] },
      { Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: { Database: { CatalogId: MESH, Name: DB } }, Permissions: ['DESCRIBE'], PermissionsWithGrantOption: [] },
      { Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: { Table: { CatalogId: MESH, DatabaseName: DB, Name: 'usecase1' } }, Permissions: ['DESCRIBE'], PermissionsWithGrantOption: [] },
      { Principal: { DataLakePrincipalIdentifier: ANALYST }, Resource: { TableWithColumns: { CatalogId: MESH, DatabaseName: DB, Name: 'usecase1', ColumnWildcard: {} } }, Permissions: ['SELECT'], PermissionsWithGrantOption: [] },
    ]);
  });

  it('plans per role, with ids unique across roles and stable for the same input', () => {
    const input = { plan: plan(['SELECT']), links, principals: [ANALYST, REPORTING] };
    const ids = planQueryGrants(input).map((e) => e.Id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(planQueryGrants(input).map((e) => e.Id)).toEqual(ids);
    expect(planQueryGrants({ ...input, principals: [] })).toEqual([]);
  });

  it('a column change of the plan shows in the diff of the query plans as the old columns out and the new in', () => {
    const before = planQueryGrants({ plan: plan(['SELECT']), links, principals: [ANALYST] });
    const after = planQueryGrants({ plan: plan(['SELECT'], { kind: 'exclude', names: ['msisdn'] }), links, principals: [ANALYST] });
    const diff = diffPlans(before, after);
    expect(diff.revoke.map((e) => e.Resource)).toEqual([{ TableWithColumns: { CatalogId: MESH, DatabaseName: DB, Name: 'usecase1', ColumnWildcard: {} } }]);
    expect(diff.grant.map((e) => e.Resource)).toEqual([{ TableWithColumns: { CatalogId: MESH, DatabaseName: DB, Name: 'usecase1', ColumnWildcard: { ExcludedColumnNames: ['msisdn'] } } }]);
  });
});
