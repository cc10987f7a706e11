import type { GrantEntry } from '../../../src/mesh/domain/grant-entry';
import type { PlanGrantsInput } from '../../../src/mesh/plan/plan-grants';
import { grantKey } from '../../../src/mesh/plan/resource-key';

export const MESH = '555555555555';
export const DATABASE = 'telco-111111111111';
export const CONSUMER = '999999999999';
export const ANALYST = 'arn:aws:iam::999999999999:role/Analyst';

/** `count` table names, deliberately not in sorted order. */
export function tableNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `usecase${String(i).padStart(3, '0')}`).reverse();
}

/** A valid request for one table, SELECT, to the consumer account; `overrides` replace fields. */
export function request(overrides: Partial<PlanGrantsInput> = {}): PlanGrantsInput {
  return { meshCatalogId: MESH, meshDatabase: DATABASE, tables: ['usecase1'], grantee: CONSUMER, permissions: ['SELECT'], grantable: [], ...overrides };
}

/** What a set of entries grants, as Lake Formation keeps it: (principal, resource, permission) → has the grant option. */
export type GrantState = Map<string, boolean>;

function tuple(entry: GrantEntry, permission: string): string {
  return JSON.stringify([grantKey(entry), permission]);
}

/** Grants `entries` onto `state` (a copy): granting adds permissions and grant options, never removes them. */
export function applyGrant(state: GrantState, entries: readonly GrantEntry[]): GrantState {
  const after = new Map(state);
  for (const entry of entries) {
    for (const p of entry.Permissions) after.set(tuple(entry, p), (after.get(tuple(entry, p)) ?? false) || entry.PermissionsWithGrantOption.includes(p));
  }
  return after;
}

/** Revokes `entries` from `state` (a copy): revoking a permission takes its grant option with it. */
export function applyRevoke(state: GrantState, entries: readonly GrantEntry[]): GrantState {
  const after = new Map(state);
  for (const entry of entries) for (const p of entry.Permissions) after.delete(tuple(entry, p));
  return after;
}

/** The state `plans` leave behind when granted on a clean slate. */
export function stateOf(...plans: (readonly GrantEntry[])[]): GrantState {
  return plans.reduce<GrantState>((state, plan) => applyGrant(state, plan), new Map());
}

/** Entries in a comparable form: sorted [key, permission, grantable] triples. */
export function triples(state: GrantState): [string, boolean][] {
  return [...state.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
