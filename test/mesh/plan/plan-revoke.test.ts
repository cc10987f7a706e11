import { describe, expect, it } from 'vitest';
import { planGrants } from '../../../src/mesh/plan/plan-grants';
import { planRevoke } from '../../../src/mesh/plan/plan-revoke';
import { ANALYST, applyRevoke, request, stateOf, tableNames } from './plan-fixtures';

describe('planRevoke', () => {
  it('mirrors the grant plan: the same entries in reverse, so tables go before the database DESCRIBE', () => {
    const plan = planGrants(request({ tables: tableNames(3), permissions: ['SELECT', 'INSERT'], columns: { kind: 'include', names: ['a'] } }));

    const revoke = planRevoke(plan);

    expect(revoke).toEqual(plan.toReversed());
    expect(revoke.at(-1)?.Id).toBe('db');
  });

  it('keeps the grant option of each entry, as BatchRevokePermissions expects', () => {
    const plan = planGrants(request({ grantee: ANALYST, permissions: ['SELECT', 'INSERT'], grantable: ['SELECT'] }));

    expect(planRevoke(plan).map((entry) => entry.PermissionsWithGrantOption)).toEqual([['SELECT'], [], []]);
  });

  it('takes away everything the plan granted', () => {
    const plan = planGrants(request({ tables: tableNames(21), permissions: ['ALL'] }));

    expect(applyRevoke(stateOf(plan), planRevoke(plan)).size).toBe(0);
  });

  it('leaves the stored plan alone and shares nothing with it', () => {
    const plan = planGrants(request());
    const stored = structuredClone(plan);

    const revoke = planRevoke(plan);
    revoke[0]?.Permissions.push('DROP');

    expect(plan).toEqual(stored);
  });
});
