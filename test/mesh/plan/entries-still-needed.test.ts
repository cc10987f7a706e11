import { describe, expect, it } from 'vitest';
import { entriesStillNeeded } from '../../../src/mesh/plan/entries-still-needed';
import { planGrants } from '../../../src/mesh/plan/plan-grants';
import { planRevoke } from '../../../src/mesh/plan/plan-revoke';
import { ANALYST, applyRevoke, request, stateOf, triples } from './plan-fixtures';

describe('entriesStillNeeded', () => {
  const first = planGrants(request({ tables: ['usecase1', 'usecase2'], permissions: ['SELECT', 'INSERT'] }));
  const second = planGrants(request({ tables: ['usecase2', 'usecase3'], permissions: ['SELECT'] }));

  it('with no other active subscription: revokes everything', () => {
    expect(entriesStillNeeded(planRevoke(first), [])).toEqual(planRevoke(first));
  });

  it('two overlapping subscriptions: revoking the first leaves the second working', () => {
    const revoke = entriesStillNeeded(planRevoke(first), [second]);

    // The database DESCRIBE and SELECT on usecase2 stay; INSERT on usecase2 and all of usecase1 go.
    expect(revoke.map((entry) => [entry.Id, entry.Permissions])).toEqual([
      [first[3]?.Id, ['INSERT']],
      [first[2]?.Id, ['SELECT']],
      [first[1]?.Id, ['INSERT']],
    ]);
    expect(triples(applyRevoke(stateOf(first, second), revoke))).toEqual(triples(stateOf(second)));
  });

  it('only the same principal protects a permission', () => {
    const someoneElse = planGrants(request({ tables: ['usecase1', 'usecase2'], grantee: ANALYST, permissions: ['SELECT', 'INSERT'] }));

    expect(entriesStillNeeded(planRevoke(first), [someoneElse])).toEqual(planRevoke(first));
  });

  it('only the same resource protects a permission: SELECT on other columns is another grant', () => {
    const columns = planGrants(request({ tables: ['usecase1'], columns: { kind: 'include', names: ['a'] } }));

    const revoke = entriesStillNeeded(planRevoke(first), [columns]);

    expect(revoke.map((entry) => entry.Id)).toEqual(planRevoke(first).map((entry) => entry.Id).filter((id) => id !== 'db'));
  });

  it('several other subscriptions together can keep everything', () => {
    const rest = planGrants(request({ tables: ['usecase1'], permissions: ['INSERT', 'SELECT'] }));
    const insert2 = planGrants(request({ tables: ['usecase2'], permissions: ['INSERT'] }));

    expect(entriesStillNeeded(planRevoke(first), [second, rest, insert2])).toEqual([]);
  });
});
