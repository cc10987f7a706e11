import { describe, expect, it } from 'vitest';
import type { GrantEntry } from '../../../src/mesh/domain/grant-entry';
import { diffPlans } from '../../../src/mesh/plan/diff-plans';
import { planGrants } from '../../../src/mesh/plan/plan-grants';
import { ANALYST, applyGrant, applyRevoke, request, stateOf, triples } from './plan-fixtures';

/** Entries as `[kind, table, permissions, grant option]` rows, readable in an assertion. */
function rows(entries: readonly GrantEntry[]): [string, string, string[], string[]][] {
  return entries.map((entry) => {
    const r = entry.Resource;
    const [kind, name] = 'Database' in r ? ['Database', r.Database.Name] : 'Table' in r ? ['Table', r.Table.Name] : ['TableWithColumns', r.TableWithColumns.Name];
    return [kind, name, entry.Permissions, entry.PermissionsWithGrantOption];
  });
}

function expectDiffToReach(current: readonly GrantEntry[], next: readonly GrantEntry[]): void {
  const { grant, revoke } = diffPlans(current, next);
  expect(triples(applyGrant(applyRevoke(stateOf(current), revoke), grant))).toEqual(triples(stateOf(next)));
}

describe('diffPlans', () => {
  const two = ['usecase1', 'usecase2'];

  it('no change: nothing to grant or revoke', () => {
    const plan = planGrants(request({ tables: two, permissions: ['SELECT', 'INSERT'] }));

    expect(diffPlans(plan, planGrants(request({ tables: two, permissions: ['INSERT', 'SELECT'] })))).toEqual({ grant: [], revoke: [] });
  });

  it('add a permission: grants it alone on each table, under the table entry id', () => {
    const current = planGrants(request({ tables: two, permissions: ['SELECT', 'INSERT'] }));
    const next = planGrants(request({ tables: two, permissions: ['SELECT', 'INSERT', 'DELETE'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(rows(grant)).toEqual([
      ['Table', 'usecase1', ['DELETE'], ['DELETE']],
      ['Table', 'usecase2', ['DELETE'], ['DELETE']],
    ]);
    expect(grant.map((entry) => entry.Id)).toEqual([next[1]?.Id, next[3]?.Id]);
    expect(revoke).toEqual([]);
    expectDiffToReach(current, next);
  });

  it('remove a permission: SELECT + INSERT → SELECT revokes only INSERT on each table', () => {
    const current = planGrants(request({ tables: two, permissions: ['SELECT', 'INSERT'] }));
    const next = planGrants(request({ tables: two, permissions: ['SELECT'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(grant).toEqual([]);
    expect(rows(revoke)).toEqual([
      ['Table', 'usecase2', ['INSERT'], ['INSERT']],
      ['Table', 'usecase1', ['INSERT'], ['INSERT']],
    ]);
    expectDiffToReach(current, next);
  });

  it('change the columns: revokes the old TableWithColumns entry and grants the new one', () => {
    const current = planGrants(request({ tables: two, columns: { kind: 'include', names: ['a', 'b'] } }));
    const next = planGrants(request({ tables: two, columns: { kind: 'exclude', names: ['c'] } }));

    const { grant, revoke } = diffPlans(current, next);

    expect(grant).toEqual(next.filter((entry) => 'TableWithColumns' in entry.Resource));
    expect(revoke).toEqual(current.filter((entry) => 'TableWithColumns' in entry.Resource).toReversed());
    expectDiffToReach(current, next);
  });

  it('add a table: grants its entries only', () => {
    const current = planGrants(request({ tables: ['usecase1'], permissions: ['SELECT', 'ALTER'] }));
    const next = planGrants(request({ tables: two, permissions: ['SELECT', 'ALTER'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(grant).toEqual(next.slice(3));
    expect(rows(grant)).toEqual([
      ['Table', 'usecase2', ['ALTER'], ['ALTER']],
      ['TableWithColumns', 'usecase2', ['SELECT'], ['SELECT']],
    ]);
    expect(revoke).toEqual([]);
    expectDiffToReach(current, next);
  });

  it('remove a table: revokes its entries only, and never the database DESCRIBE', () => {
    const current = planGrants(request({ tables: two, permissions: ['SELECT', 'ALTER'] }));
    const next = planGrants(request({ tables: ['usecase2'], permissions: ['SELECT', 'ALTER'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(grant).toEqual([]);
    expect(rows(revoke)).toEqual([
      ['TableWithColumns', 'usecase1', ['SELECT'], ['SELECT']],
      ['Table', 'usecase1', ['ALTER'], ['ALTER']],
    ]);
    expectDiffToReach(current, next);
  });

  it('swap permissions on a table: one revoke and one grant entry under the same id, each in its own call', () => {
    const current = planGrants(request({ permissions: ['INSERT'] }));
    const next = planGrants(request({ permissions: ['DELETE'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(rows(revoke)).toEqual([['Table', 'usecase1', ['INSERT'], ['INSERT']]]);
    expect(rows(grant)).toEqual([['Table', 'usecase1', ['DELETE'], ['DELETE']]]);
    expect(grant[0]?.Id).toBe(revoke[0]?.Id);
    expectDiffToReach(current, next);
  });

  it('ALL → SELECT: revokes ALL and grants SELECT', () => {
    const current = planGrants(request({ permissions: ['ALL'] }));
    const next = planGrants(request({ permissions: ['SELECT'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(rows(revoke)).toEqual([['Table', 'usecase1', ['ALL'], ['ALL']]]);
    expect(rows(grant)).toEqual([['TableWithColumns', 'usecase1', ['SELECT'], ['SELECT']]]);
    expectDiffToReach(current, next);
  });

  it('an IAM role gains the grant option: grants the permission again with it', () => {
    const current = planGrants(request({ grantee: ANALYST, permissions: ['SELECT', 'INSERT'] }));
    const next = planGrants(request({ grantee: ANALYST, permissions: ['SELECT', 'INSERT'], grantable: ['INSERT'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(rows(grant)).toEqual([['Table', 'usecase1', ['INSERT'], ['INSERT']]]);
    expect(revoke).toEqual([]);
    expectDiffToReach(current, next);
  });

  it('an IAM role loses the grant option: revokes the permission and grants it again without', () => {
    const current = planGrants(request({ grantee: ANALYST, permissions: ['SELECT', 'INSERT'], grantable: ['INSERT'] }));
    const next = planGrants(request({ grantee: ANALYST, permissions: ['SELECT', 'INSERT'] }));

    const { grant, revoke } = diffPlans(current, next);

    expect(rows(revoke)).toEqual([['Table', 'usecase1', ['INSERT'], ['INSERT']]]);
    expect(rows(grant)).toEqual([['Table', 'usecase1', ['INSERT'], []]]);
    expectDiffToReach(current, next);
  });

  it('ids stay unique within the grants and within the revokes', () => {
    const current = planGrants(request({ tables: ['a', 'b', 'c'], permissions: ['SELECT', 'INSERT'] }));
    const next = planGrants(request({ tables: ['b', 'c', 'd'], permissions: ['DELETE', 'SELECT'], columns: { kind: 'include', names: ['x'] } }));

    const { grant, revoke } = diffPlans(current, next);

    expect(new Set(grant.map((entry) => entry.Id)).size).toBe(grant.length);
    expect(new Set(revoke.map((entry) => entry.Id)).size).toBe(revoke.length);
    expectDiffToReach(current, next);
  });

  it('leaves both plans alone', () => {
    const current = planGrants(request({ permissions: ['SELECT', 'INSERT'] }));
    const next = planGrants(request({ permissions: ['SELECT', 'DELETE'] }));
    const stored = structuredClone([current, next]);

    const { grant, revoke } = diffPlans(current, next);
    for (const entry of [...grant, ...revoke]) entry.Permissions.push('DROP');

    expect([current, next]).toEqual(stored);
  });
});
