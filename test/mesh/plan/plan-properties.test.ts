import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrantEntrySchema } from '../../../src/mesh/domain/grant-entry';
import { PERMISSIONS, type Permission } from '../../../src/mesh/domain/permission';
import { chunkBatches } from '../../../src/mesh/plan/chunk-batches';
import { diffPlans } from '../../../src/mesh/plan/diff-plans';
import { entriesStillNeeded } from '../../../src/mesh/plan/entries-still-needed';
import { planGrants, type PlanGrantsInput } from '../../../src/mesh/plan/plan-grants';
import { planRevoke } from '../../../src/mesh/plan/plan-revoke';
import { grantKey } from '../../../src/mesh/plan/resource-key';
import { ANALYST, applyGrant, applyRevoke, CONSUMER, request, stateOf, triples } from './plan-fixtures';

const TABLES = Array.from({ length: 60 }, (_, i) => `table_${i}`);
const COLUMNS = ['a', 'b', 'c', 'd'];

/** Any request the planner accepts: up to 45 tables (91 entries, five batches), every permission mix. */
const validRequest: fc.Arbitrary<PlanGrantsInput> = fc
  .record({
    tables: fc.shuffledSubarray(TABLES, { minLength: 1, maxLength: 45 }),
    grantee: fc.constantFrom(CONSUMER, ANALYST),
    permissions: fc.shuffledSubarray([...PERMISSIONS], { minLength: 1 }),
    wished: fc.subarray([...PERMISSIONS]),
    columns: fc.option(fc.record({ kind: fc.constantFrom('include' as const, 'exclude' as const), names: fc.shuffledSubarray(COLUMNS, { minLength: 1 }) }), {
      nil: undefined,
    }),
  })
  .map(({ tables, grantee, permissions, wished, columns }) => {
    // Bend the random draw into what the planner accepts: a filter needs SELECT, grantable needs granted.
    const all = permissions.includes('ALL');
    const granted: Permission[] = columns && !all && !permissions.includes('SELECT') ? [...permissions, 'SELECT'] : permissions;
    const grantable = all
      ? wished.filter((p) => p === 'DESCRIBE' || wished.includes('ALL'))
      : wished.filter((p) => p === 'DESCRIBE' || granted.includes(p));
    return request({ tables, grantee, permissions: granted, grantable, columns });
  });

describe('planner properties', () => {
  it('every entry is a valid wire entry, with a unique id of at most 255 characters', () => {
    fc.assert(
      fc.property(validRequest, (input) => {
        const plan = planGrants(input);
        expect(plan.every((entry) => GrantEntrySchema.safeParse(entry).success)).toBe(true);
        expect(new Set(plan.map((entry) => entry.Id)).size).toBe(plan.length);
        expect(plan.every((entry) => entry.Id.length <= 255)).toBe(true);
      }),
    );
  });

  it('batches hold at most 20 entries and cover every entry exactly once, in order', () => {
    fc.assert(
      fc.property(validRequest, (input) => {
        const plan = planGrants(input);
        const batches = chunkBatches(plan);
        expect(batches).toHaveLength(Math.ceil(plan.length / 20));
        expect(batches.every((batch) => batch.length >= 1 && batch.length <= 20)).toBe(true);
        expect(batches.flat()).toEqual(plan);
      }),
    );
  });

  it('is deterministic: the order of tables, permissions and columns does not matter', () => {
    fc.assert(
      fc.property(validRequest, (input) => {
        const shuffled = {
          ...input,
          tables: input.tables.toReversed(),
          permissions: input.permissions.toReversed(),
          grantable: input.grantable.toReversed(),
          columns: input.columns && { ...input.columns, names: input.columns.names.toReversed() },
        };
        expect(planGrants(shuffled)).toEqual(planGrants(input));
      }),
    );
  });

  it('the same (principal, resource) gets the same id in any two plans', () => {
    fc.assert(
      fc.property(validRequest, validRequest, (a, b) => {
        const ids = new Map(planGrants(a).map((entry) => [grantKey(entry), entry.Id]));
        for (const entry of planGrants(b)) {
          const id = ids.get(grantKey(entry));
          if (id !== undefined) expect(entry.Id).toBe(id);
        }
      }),
    );
  });

  it('diff(a, a) is empty', () => {
    fc.assert(
      fc.property(validRequest, (input) => {
        expect(diffPlans(planGrants(input), planGrants(input))).toEqual({ grant: [], revoke: [] });
      }),
    );
  });

  it("revoking then granting diff(a, b) turns a's permissions into exactly b's, with unique ids in each list", () => {
    fc.assert(
      fc.property(validRequest, validRequest, (a, b) => {
        const current = planGrants(a);
        const next = planGrants(b);
        const { grant, revoke } = diffPlans(current, next);
        expect(triples(applyGrant(applyRevoke(stateOf(current), revoke), grant))).toEqual(triples(stateOf(next)));
        expect(new Set(grant.map((entry) => entry.Id)).size).toBe(grant.length);
        expect(new Set(revoke.map((entry) => entry.Id)).size).toBe(revoke.length);
      }),
    );
  });

  it('the revoke plan takes away everything; sparing another plan keeps exactly that plan', () => {
    fc.assert(
      fc.property(validRequest, validRequest, (a, b) => {
        const first = planGrants(a);
        const second = planGrants(b);
        expect(applyRevoke(stateOf(first), planRevoke(first)).size).toBe(0);
        const after = applyRevoke(stateOf(first, second), entriesStillNeeded(planRevoke(first), [second]));
        expect([...after.keys()].sort()).toEqual([...stateOf(second).keys()].sort());
      }),
    );
  });
});
