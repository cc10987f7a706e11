import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessDelta, AccessDeltaSchema, type AccessGrant } from '../../../src/mesh/domain/access-delta';
import { applyEvent } from '../../../src/mesh/domain/apply-event';
import { PERMISSIONS } from '../../../src/mesh/domain/permission';
import { SubscriptionSchema, type Subscription } from '../../../src/mesh/domain/subscription';
import { pendingSubscription } from '../../support/subscription-fixture';

const PAT = { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' };
const AT = '2026-12-02T10:00:00.000Z';
const T1 = 'usecase1_cell_kpis';
const T2 = 'usecase2_customer_churn';
const grant = (over: Partial<AccessGrant> = {}): AccessGrant => ({ permissions: ['SELECT'], grantable: ['SELECT'], tables: [T1], ...over });

describe('accessDelta', () => {
  it('is undefined when both grants give the same (order and repeats aside)', () => {
    expect(accessDelta(grant({ permissions: ['SELECT', 'DESCRIBE'], tables: [T1, T2] }), grant({ permissions: ['DESCRIBE', 'SELECT'], tables: [T2, T1, T1] }))).toBeUndefined();
    expect(accessDelta(grant({ columns: { kind: 'include', names: ['a', 'b'] } }), grant({ columns: { kind: 'include', names: ['b', 'a'] } }))).toBeUndefined();
  });

  it('names permissions and grant option added and removed, in the canonical order', () => {
    expect(accessDelta(grant({ permissions: ['SELECT', 'DESCRIBE'], grantable: ['SELECT', 'DESCRIBE'] }), grant({ permissions: ['INSERT', 'SELECT'], grantable: ['INSERT', 'SELECT'] }))).toEqual({
      permissions: { added: ['INSERT'], removed: ['DESCRIBE'] },
      grantOption: { added: ['INSERT'], removed: ['DESCRIBE'] },
    });
  });

  it('names tables added and removed', () => {
    expect(accessDelta(grant({ tables: [T1] }), grant({ tables: [T2] }))).toEqual({ tables: { added: [T2], removed: [T1] } });
  });

  it('gives a column narrowing as before → after, with the columns hidden', () => {
    expect(accessDelta(grant({ columns: { kind: 'include', names: ['customer_id', 'cell_id'] } }), grant({ columns: { kind: 'include', names: ['customer_id'] } }))).toEqual({
      columns: { before: { kind: 'include', names: ['customer_id', 'cell_id'] }, after: { kind: 'include', names: ['customer_id'] }, added: [], removed: ['cell_id'] },
    });
    // Every column → all but msisdn: msisdn is hidden; all but msisdn → every column: it shows again.
    expect(accessDelta(grant(), grant({ columns: { kind: 'exclude', names: ['msisdn'] } }))?.columns).toEqual({ after: { kind: 'exclude', names: ['msisdn'] }, added: [], removed: ['msisdn'] });
    expect(accessDelta(grant({ columns: { kind: 'exclude', names: ['msisdn'] } }), grant())?.columns).toEqual({ before: { kind: 'exclude', names: ['msisdn'] }, added: ['msisdn'], removed: [] });
  });

  it('does not guess which columns moved when that depends on the table (every column → only some)', () => {
    expect(accessDelta(grant(), grant({ columns: { kind: 'include', names: ['cell_id'] } }))?.columns).toEqual({ after: { kind: 'include', names: ['cell_id'] }, added: [], removed: [] });
    expect(accessDelta(grant({ columns: { kind: 'include', names: ['a'] } }), grant({ columns: { kind: 'exclude', names: ['a'] } }))?.columns).toMatchObject({ added: [], removed: [] });
  });

  it('is empty exactly when nothing differs, and always parses as stored', () => {
    const permissions = fc.subarray([...PERMISSIONS]);
    const filter = fc.option(fc.record({ kind: fc.constantFrom('include' as const, 'exclude' as const), names: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }) }), { nil: undefined });
    const anyGrant = fc.record({ permissions, grantable: permissions, tables: fc.uniqueArray(fc.constantFrom(T1, T2, 't3')), columns: filter });
    fc.assert(
      fc.property(anyGrant, anyGrant, (a, b) => {
        const delta = accessDelta(a, b);
        expect(accessDelta(a, a)).toBeUndefined();
        if (delta === undefined) return;
        expect(AccessDeltaSchema.parse(delta)).toEqual(delta);
        // Swapping the sides swaps added and removed.
        const back = accessDelta(b, a);
        expect(back?.permissions).toEqual(delta.permissions && { added: delta.permissions.removed, removed: delta.permissions.added });
        expect(back?.tables).toEqual(delta.tables && { added: delta.tables.removed, removed: delta.tables.added });
      }),
    );
  });
});

describe('applyEvent records the delta on the history entry', () => {
  const request = pendingSubscription('01JDB7Q3M8ZP4X9V2N6KTE5WAC', { requestedPermissions: ['SELECT', 'DESCRIBE'], tables: [T1], columns: { kind: 'include', names: ['customer_id', 'cell_id'] } });
  const approve = (patch: Partial<Subscription>): Subscription => {
    const result = applyEvent(request, { event: 'approve', actor: PAT, at: AT, patch });
    if (!result.ok) throw result.error;
    return result.next;
  };
  const asked = { grantedPermissions: ['SELECT', 'DESCRIBE'] as Subscription['grantedPermissions'], grantablePermissions: ['SELECT', 'DESCRIBE'] as Subscription['grantablePermissions'], columns: request.columns };

  it('approve as asked: no delta (the grant option, which the request cannot name, is not one)', () => {
    expect(approve(asked).history.at(-1)).not.toHaveProperty('delta');
  });

  it('approve with changes: what was not granted though requested, and the column narrowing', () => {
    const approved = approve({ grantedPermissions: ['SELECT'], grantablePermissions: ['SELECT'], columns: { kind: 'include', names: ['customer_id'] } });
    expect(approved.history.at(-1)?.delta).toEqual({
      permissions: { added: [], removed: ['DESCRIBE'] },
      columns: { before: { kind: 'include', names: ['customer_id', 'cell_id'] }, after: { kind: 'include', names: ['customer_id'] }, added: [], removed: ['cell_id'] },
    });
  });

  it('modify: the difference from the grant it replaces; revoke: everything granted goes', () => {
    const active: Subscription = { ...approve(asked), status: 'ACTIVE' };
    const modified = applyEvent(active, { event: 'modify', actor: PAT, at: AT, note: 'no DESCRIBE', patch: { grantedPermissions: ['SELECT'], grantablePermissions: ['SELECT'], columns: undefined } });
    if (!modified.ok) throw modified.error;
    expect(modified.next.history.at(-1)).toMatchObject({
      event: 'modify',
      note: 'no DESCRIBE',
      delta: { permissions: { added: [], removed: ['DESCRIBE'] }, grantOption: { added: [], removed: ['DESCRIBE'] }, columns: { before: { kind: 'include', names: ['customer_id', 'cell_id'] }, added: [], removed: [] } },
    });

    const revoked = applyEvent(active, { event: 'revoke', actor: PAT, at: AT, note: 'project ended' });
    if (!revoked.ok) throw revoked.error;
    expect(revoked.next.history.at(-1)?.delta).toEqual({
      permissions: { added: [], removed: ['SELECT', 'DESCRIBE'] },
      tables: { added: [], removed: [T1] },
      grantOption: { added: [], removed: ['SELECT', 'DESCRIBE'] },
    });
  });

  it('other events carry none, and a stored record written before deltas still parses', () => {
    const denied = applyEvent(request, { event: 'deny', actor: PAT, at: AT, note: 'no' });
    expect(denied.ok && denied.next.history.at(-1)).not.toHaveProperty('delta');
    const old = JSON.parse(JSON.stringify({ ...request, history: [...request.history, { at: AT, actor: PAT, event: 'modify', from: 'ACTIVE', to: 'MODIFYING', note: 'x' }] })) as unknown;
    expect(SubscriptionSchema.parse(old).history.at(-1)).not.toHaveProperty('delta');
  });
});
