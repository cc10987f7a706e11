import { describe, expect, it } from 'vitest';
import { GrantEntrySchema, type GrantEntry } from '../../../src/mesh/domain/grant-entry';
import { InvalidInputError, MeshErrorCode } from '../../../src/mesh/errors';
import { chunkBatches } from '../../../src/mesh/plan/chunk-batches';
import { planGrants, type PlanGrantsInput } from '../../../src/mesh/plan/plan-grants';
import { ANALYST, CONSUMER, DATABASE, MESH, request, tableNames } from './plan-fixtures';

function catalogIds(entries: readonly GrantEntry[]): string[] {
  return entries.map((entry) => {
    const resource = entry.Resource;
    if ('Database' in resource) return resource.Database.CatalogId;
    if ('Table' in resource) return resource.Table.CatalogId;
    return resource.TableWithColumns.CatalogId;
  });
}

function refusal(input: PlanGrantsInput): InvalidInputError {
  try {
    planGrants(input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected planGrants to refuse the input');
}

describe('planGrants', () => {
  it('plans one table as the exact wire entries', () => {
    const plan = planGrants(request({ permissions: ['SELECT', 'INSERT'] }));

    expect(plan).toMatchInlineSnapshot(`
      [
        {
          "Id": "db",
          "Permissions": [
            "DESCRIBE",
          ],
          "PermissionsWithGrantOption": [
            "DESCRIBE",
          ],
          "Principal": {
            "DataLakePrincipalIdentifier": "999999999999",
          },
          "Resource": {
            "Database": {
              "CatalogId": "555555555555",
              "Name": "telco-111111111111",
            },
          },
        },
        {
          "Id": "t.9fabaa2afb204ea8",
          "Permissions": [
            "INSERT",
          ],
          "PermissionsWithGrantOption": [
            "INSERT",
          ],
          "Principal": {
            "DataLakePrincipalIdentifier": "999999999999",
          },
          "Resource": {
            "Table": {
              "CatalogId": "555555555555",
              "DatabaseName": "telco-111111111111",
              "Name": "usecase1",
            },
          },
        },
        {
          "Id": "s.53774590b7f61e76",
          "Permissions": [
            "SELECT",
          ],
          "PermissionsWithGrantOption": [
            "SELECT",
          ],
          "Principal": {
            "DataLakePrincipalIdentifier": "999999999999",
          },
          "Resource": {
            "TableWithColumns": {
              "CatalogId": "555555555555",
              "ColumnWildcard": {},
              "DatabaseName": "telco-111111111111",
              "Name": "usecase1",
            },
          },
        },
      ]
    `);
  });

  describe.each([1, 20, 21, 100])('%i tables, SELECT + INSERT', (count) => {
    const tables = tableNames(count);

    it('to an account: DESCRIBE, then per sorted table INSERT on the table and SELECT on all columns, all with the grant option', () => {
      const plan = planGrants(request({ tables, permissions: ['INSERT', 'SELECT'] }));

      expect(plan).toHaveLength(1 + 2 * count);
      expect(plan.every((entry) => GrantEntrySchema.safeParse(entry).success)).toBe(true);
      expect(new Set(catalogIds(plan))).toEqual(new Set([MESH]));
      expect(plan.every((entry) => entry.Principal.DataLakePrincipalIdentifier === CONSUMER)).toBe(true);
      expect(plan[0]).toMatchObject({ Id: 'db', Resource: { Database: { CatalogId: MESH, Name: DATABASE } }, Permissions: ['DESCRIBE'] });
      const sorted = tables.toSorted();
      sorted.forEach((Name, i) => {
        expect(plan[1 + 2 * i]).toMatchObject({ Resource: { Table: { CatalogId: MESH, DatabaseName: DATABASE, Name } }, Permissions: ['INSERT'] });
        expect(plan[2 + 2 * i]).toMatchObject({
          Resource: { TableWithColumns: { CatalogId: MESH, DatabaseName: DATABASE, Name, ColumnWildcard: {} } },
          Permissions: ['SELECT'],
        });
      });
      expect(plan.every((entry) => entry.PermissionsWithGrantOption.join() === entry.Permissions.join())).toBe(true);
      expect(new Set(plan.map((entry) => entry.Id)).size).toBe(plan.length);
    });

    it(`to an account: ${Math.ceil((1 + 2 * count) / 20)} batches of at most 20`, () => {
      const plan = planGrants(request({ tables, permissions: ['INSERT', 'SELECT'] }));

      const batches = chunkBatches(plan);

      expect(batches).toHaveLength(Math.ceil(plan.length / 20));
      expect(batches.every((batch) => batch.length <= 20)).toBe(true);
      expect(batches.flat()).toEqual(plan);
    });

    it('to an IAM role: the grant option only on what is grantable', () => {
      const plan = planGrants(request({ tables, grantee: ANALYST, permissions: ['INSERT', 'SELECT'], grantable: ['SELECT'] }));

      expect(plan).toHaveLength(1 + 2 * count);
      expect(plan.every((entry) => entry.Principal.DataLakePrincipalIdentifier === ANALYST)).toBe(true);
      expect(plan[0]?.PermissionsWithGrantOption).toEqual([]);
      for (const entry of plan.slice(1)) {
        expect(entry.PermissionsWithGrantOption).toEqual('TableWithColumns' in entry.Resource ? ['SELECT'] : []);
      }
    });
  });

  describe('columns', () => {
    it('no filter: SELECT on every column (an empty ColumnWildcard)', () => {
      const [, select] = planGrants(request());

      expect(select?.Resource).toEqual({ TableWithColumns: { CatalogId: MESH, DatabaseName: DATABASE, Name: 'usecase1', ColumnWildcard: {} } });
    });

    it('include: ColumnNames, sorted', () => {
      const [, select] = planGrants(request({ columns: { kind: 'include', names: ['msisdn', 'cell_id'] } }));

      expect(select?.Resource).toEqual({
        TableWithColumns: { CatalogId: MESH, DatabaseName: DATABASE, Name: 'usecase1', ColumnNames: ['cell_id', 'msisdn'] },
      });
    });

    it('exclude: a ColumnWildcard with ExcludedColumnNames, sorted', () => {
      const [, select] = planGrants(request({ columns: { kind: 'exclude', names: ['ssn', 'email'] } }));

      expect(select?.Resource).toEqual({
        TableWithColumns: { CatalogId: MESH, DatabaseName: DATABASE, Name: 'usecase1', ColumnWildcard: { ExcludedColumnNames: ['email', 'ssn'] } },
      });
    });

    it('the filter limits SELECT only: other permissions stay on the table', () => {
      const plan = planGrants(request({ permissions: ['SELECT', 'ALTER'], columns: { kind: 'include', names: ['a'] } }));

      expect(plan.map((entry) => [Object.keys(entry.Resource)[0], entry.Permissions])).toEqual([
        ['Database', ['DESCRIBE']],
        ['Table', ['ALTER']],
        ['TableWithColumns', ['SELECT']],
      ]);
    });
  });

  describe('permissions', () => {
    it('SELECT alone: no Table entry', () => {
      expect(planGrants(request()).map((entry) => Object.keys(entry.Resource)[0])).toEqual(['Database', 'TableWithColumns']);
    });

    it('no SELECT: no TableWithColumns entry', () => {
      const plan = planGrants(request({ permissions: ['DESCRIBE', 'ALTER'] }));

      expect(plan.map((entry) => [Object.keys(entry.Resource)[0], entry.Permissions])).toEqual([
        ['Database', ['DESCRIBE']],
        ['Table', ['ALTER', 'DESCRIBE']],
      ]);
    });

    it('duplicates are ignored and the order is canonical', () => {
      const plan = planGrants(request({ permissions: ['DROP', 'INSERT', 'DROP', 'SELECT'] }));

      expect(plan[1]?.Permissions).toEqual(['INSERT', 'DROP']);
    });

    it('ALL: one Table entry granting ALL, and no separate SELECT', () => {
      const plan = planGrants(request({ permissions: ['ALL'] }));

      expect(plan.map((entry) => [Object.keys(entry.Resource)[0], entry.Permissions, entry.PermissionsWithGrantOption])).toEqual([
        ['Database', ['DESCRIBE'], ['DESCRIBE']],
        ['Table', ['ALL'], ['ALL']],
      ]);
    });

    it('ALL with other permissions: the others are part of ALL', () => {
      expect(planGrants(request({ permissions: ['SELECT', 'ALL', 'INSERT'] }))).toEqual(planGrants(request({ permissions: ['ALL'] })));
    });

    it('ALL with a column filter: spelled out, so that SELECT is limited to the columns', () => {
      const plan = planGrants(request({ permissions: ['ALL'], columns: { kind: 'exclude', names: ['ssn'] } }));

      expect(plan.map((entry) => [Object.keys(entry.Resource)[0], entry.Permissions])).toEqual([
        ['Database', ['DESCRIBE']],
        ['Table', ['INSERT', 'DELETE', 'ALTER', 'DROP', 'DESCRIBE']],
        ['TableWithColumns', ['SELECT']],
      ]);
    });

    it('ALL grantable to an IAM role: everything carries the grant option', () => {
      const plan = planGrants(request({ grantee: ANALYST, permissions: ['ALL'], grantable: ['ALL'] }));

      expect(plan.map((entry) => entry.PermissionsWithGrantOption)).toEqual([['DESCRIBE'], ['ALL']]);
    });

    it('DESCRIBE grantable to an IAM role: the database DESCRIBE carries the grant option', () => {
      const plan = planGrants(request({ grantee: ANALYST, permissions: ['SELECT'], grantable: ['DESCRIBE'] }));

      expect(plan.map((entry) => entry.PermissionsWithGrantOption)).toEqual([['DESCRIBE'], []]);
    });

    it('to an account, grantable is irrelevant: cross-account grants always carry the grant option', () => {
      const plan = planGrants(request({ permissions: ['SELECT', 'INSERT'], grantable: [] }));

      expect(plan.map((entry) => entry.PermissionsWithGrantOption)).toEqual([['DESCRIBE'], ['INSERT'], ['SELECT']]);
    });
  });

  describe('ids', () => {
    it('are the same for the same table whatever else the plan holds', () => {
      const alone = planGrants(request({ tables: ['usecase1'], permissions: ['SELECT', 'INSERT'] }));
      const withOthers = planGrants(request({ tables: ['usecase0', 'usecase1', 'usecase2'], permissions: ['SELECT', 'INSERT'] }));

      expect(withOthers.filter((entry) => alone.some((a) => a.Id === entry.Id))).toEqual(alone);
    });

    it('name the kind of entry and stay short', () => {
      const plan = planGrants(request({ tables: tableNames(3), permissions: ['SELECT', 'INSERT'] }));

      expect(plan.map((entry) => entry.Id)).toEqual([
        'db',
        expect.stringMatching(/^t\.[0-9a-f]{16}$/),
        expect.stringMatching(/^s\.[0-9a-f]{16}$/),
        expect.stringMatching(/^t\.[0-9a-f]{16}$/),
        expect.stringMatching(/^s\.[0-9a-f]{16}$/),
        expect.stringMatching(/^t\.[0-9a-f]{16}$/),
        expect.stringMatching(/^s\.[0-9a-f]{16}$/),
      ]);
    });

    it('change with the column filter, so a result stored for old columns never passes for new ones', () => {
      const [, all] = planGrants(request());
      const [, some] = planGrants(request({ columns: { kind: 'include', names: ['a'] } }));
      const [, reordered] = planGrants(request({ columns: { kind: 'include', names: ['b', 'a'] } }));
      const [, same] = planGrants(request({ columns: { kind: 'include', names: ['a', 'b'] } }));

      expect(new Set([all?.Id, some?.Id, same?.Id]).size).toBe(3);
      expect(reordered?.Id).toBe(same?.Id);
    });
  });

  it('is deterministic and leaves its input alone', () => {
    const input = Object.freeze(request({ tables: tableNames(30), permissions: ['SELECT', 'INSERT'], columns: { kind: 'include', names: ['b', 'a'] } }));
    const copy = structuredClone(input);

    const first = planGrants(input);
    const again = planGrants({ ...copy, tables: copy.tables.toReversed() });

    expect(again).toEqual(first);
    expect(input).toEqual(copy);
  });

  describe('refuses contradictory input, saying what is wrong and what to do', () => {
    it.each<[string, Partial<PlanGrantsInput>, string, string]>([
      ['no tables', { tables: [] }, 'there are no tables to grant', 'name at least one table of the product'],
      ['a table twice', { tables: ['usecase1', 'usecase2', 'usecase1'] }, 'table usecase1 is listed more than once', 'list each table once'],
      ['no permissions', { permissions: [] }, 'there are no permissions to grant', 'name at least one of ALL, SELECT, INSERT, DELETE, ALTER, DROP, DESCRIBE'],
      [
        'a column filter without SELECT',
        { permissions: ['INSERT'], columns: { kind: 'include', names: ['a'] } },
        'a column filter limits SELECT, but SELECT is not requested',
        'add SELECT, or drop the column filter',
      ],
      ['a column twice', { columns: { kind: 'exclude', names: ['a', 'b', 'a'] } }, 'column a is listed more than once', 'list each column once'],
      [
        'a grantable permission that is not granted',
        { grantee: ANALYST, grantable: ['INSERT'] },
        'INSERT is grantable but not granted',
        'grant INSERT too, or drop it from the grantable permissions',
      ],
      ['ALL grantable but not granted', { grantable: ['ALL'] }, 'ALL is grantable but not granted', 'grant ALL too, or drop it from the grantable permissions'],
      [
        'a part of ALL grantable alone',
        { grantee: ANALYST, permissions: ['ALL', 'SELECT'], grantable: ['SELECT'] },
        'SELECT cannot be grantable on its own while ALL is granted',
        'make ALL grantable, or request the permissions one by one instead of ALL',
      ],
    ])('%s', (_, overrides, message, hint) => {
      const error = refusal(request(overrides));

      expect(error.code).toBe(MeshErrorCode.InvalidInput);
      expect(error.message).toBe(message);
      expect(error.hint).toBe(hint);
    });

    it.each<[string, Partial<PlanGrantsInput>, string]>([
      ['a grantee that is neither account nor IAM ARN', { grantee: 'bob' }, 'grantee: "bob" is neither an AWS account id (12 digits) nor an IAM role or user ARN'],
      ['a catalog that is not an account', { meshCatalogId: '5555' }, 'meshCatalogId: "5555" is not an AWS account id (12 digits)'],
      ['a table that is not a Glue name', { tables: ['Usecase1'] }, 'tables.0: "Usecase1" is not a Glue name (a-z, 0-9, _ and -)'],
      ['an unknown permission', { permissions: ['SELEC' as 'SELECT'] }, 'permissions.0: "SELEC" is not a permission (ALL, SELECT, INSERT, DELETE, ALTER, DROP, DESCRIBE)'],
    ])('%s', (_, overrides, message) => {
      const error = refusal(request(overrides));

      expect(error.message).toBe(message);
      expect(error.hint).toBe('correct the values named and ask again');
    });

    it('lists every problem at once', () => {
      const error = refusal(request({ tables: ['a', 'a'], permissions: ['INSERT'], columns: { kind: 'include', names: ['x'] } }));

      expect(error.message).toBe('table a is listed more than once; a column filter limits SELECT, but SELECT is not requested');
      expect(error.hint).toBe('list each table once; add SELECT, or drop the column filter');
    });
  });
});
