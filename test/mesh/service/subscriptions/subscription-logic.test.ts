import { describe, expect, it } from 'vitest';
import type { DataProduct } from '../../../../src/mesh/domain/data-product';
import type { EntryResult } from '../../../../src/mesh/domain/grant-entry';
import { InvalidInputError } from '../../../../src/mesh/errors';
import { entriesToGrant, failureNote, markAllFailed } from '../../../../src/mesh/service/subscriptions/entry-results';
import { decideGrant } from '../../../../src/mesh/service/subscriptions/grant-decision';
import { linksToDelete, plansStillHeld } from '../../../../src/mesh/service/subscriptions/held-grants';
import { linkLayout, namesToQuery } from '../../../../src/mesh/service/subscriptions/link-layout';
import { remindersDue } from '../../../../src/mesh/service/subscriptions/pending-sweep';
import { checkAgainstProduct, chooseConsumerAccount } from '../../../../src/mesh/service/subscriptions/request-checks';
import { pendingSubscription } from '../../../support/subscription-fixture';

const ID = '01JD0000000000000000000000';
const AT = '2026-11-23T09:00:00.000Z';
const product = { id: 'telco-111111111111', tables: ['a', 'b', 'c'], offeredPermissions: ['SELECT', 'DESCRIBE'] } as Pick<DataProduct, 'id' | 'tables' | 'offeredPermissions'> as DataProduct;
const identity = (accounts: string[]) => ({ user: { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' }, personas: accounts.map((accountId) => ({ accountId, kind: 'consumer' as const })), updatedAt: AT, version: 1 });

describe('chooseConsumerAccount', () => {
  it('takes the named account, else the only one the user consumes for', () => {
    expect(chooseConsumerAccount('222222222222', identity(['999999999999']))).toBe('222222222222');
    expect(chooseConsumerAccount(undefined, identity(['999999999999']))).toBe('999999999999');
  });
  it('refuses to guess among several, naming them', () => {
    expect(() => chooseConsumerAccount(undefined, identity(['999999999999', '888888888888']))).toThrow(/several accounts \(888888888888, 999999999999\)/);
    expect(() => chooseConsumerAccount(undefined, undefined)).toThrow(InvalidInputError);
  });
});

describe('checkAgainstProduct', () => {
  it('defaults to every table, sorted', () => {
    expect(checkAgainstProduct(product, { permissions: ['SELECT'] })).toEqual({ tables: ['a', 'b', 'c'], permissions: ['SELECT'] });
  });
  it('names unknown tables and unoffered permissions together with what the product has', () => {
    expect(() => checkAgainstProduct(product, { tables: ['a', 'z'], permissions: ['INSERT'] })).toThrow(
      expect.objectContaining({ message: 'product telco-111111111111 has no table z; product telco-111111111111 does not offer INSERT', hint: 'its tables are a, b, c; it offers SELECT, DESCRIBE' }),
    );
  });
});

describe('decideGrant', () => {
  const pending = pendingSubscription(ID, { requestedPermissions: ['SELECT', 'INSERT'] });
  it('plans what was requested by default, the account getting the grant option', () => {
    const decision = decideGrant(pending, {}, { permissions: pending.requestedPermissions, by: 'request' });
    expect(decision.grantedPermissions).toEqual(['SELECT', 'INSERT']);
    expect(decision.grantablePermissions).toEqual(['SELECT', 'INSERT']);
    expect(decision.plan).toHaveLength(5);
  });
  it('narrows to a subset and a column filter, and refuses more than allowed', () => {
    const decision = decideGrant(pending, { permissions: ['SELECT'], columns: { kind: 'exclude', names: ['msisdn'] } }, { permissions: pending.requestedPermissions, by: 'request' });
    expect(decision.columns).toEqual({ kind: 'exclude', names: ['msisdn'] });
    expect(decision.plan.map((e) => Object.keys(e.Resource)[0])).toEqual(['Database', 'TableWithColumns', 'TableWithColumns']);
    expect(() => decideGrant(pending, { permissions: ['DELETE'] }, { permissions: pending.requestedPermissions, by: 'request' })).toThrow('DELETE is not requested');
  });
  it('removes a column filter with null', () => {
    const filtered = { ...pending, columns: { kind: 'include' as const, names: ['id'] } };
    expect(decideGrant(filtered, { columns: null }, { permissions: ['SELECT', 'INSERT'], by: 'offer', productId: 'telco-111111111111' }).columns).toBeUndefined();
  });
});

describe('entry results', () => {
  const plan = decideGrant(pendingSubscription(ID), {}, { permissions: ['SELECT'], by: 'request' }).plan;
  const done = (entryId: string, operation: EntryResult['operation'] = 'grant'): EntryResult => ({ entryId, operation, outcome: 'DONE', at: AT });
  it('grants again only what has no DONE grant result', () => {
    const first = plan[0]!.Id;
    expect(entriesToGrant(plan, { [first]: done(first) }).map((e) => e.Id)).toEqual(plan.slice(1).map((e) => e.Id));
    expect(entriesToGrant(plan, { [first]: done(first, 'revoke') })).toHaveLength(plan.length);
  });
  it('marks everything failed with one reason and summarises failures', () => {
    const failed = markAllFailed(plan, { code: 'mesh_invitation_expired', message: 'expired' }, AT);
    expect(entriesToGrant(plan, failed)).toHaveLength(plan.length);
    expect(failureNote(failed, plan.length)).toBe('3 of 3 entries failed: mesh_invitation_expired (expired)');
  });
});

describe('what other subscriptions still hold', () => {
  const active = pendingSubscription('01JD0000000000000000000001', { status: 'ACTIVE', links: [{ catalogId: '999999999999', database: 'x_tables', table: 'a', targetCatalogId: '555555555555', targetDatabase: 'x', targetTable: 'a' }] });
  const revoked = pendingSubscription('01JD0000000000000000000002', { status: 'REVOKED', plan: decideGrant(pendingSubscription(ID), {}, { permissions: ['SELECT'], by: 'request' }).plan });
  it('counts ACTIVE and GRANTING plans, FAILED ones only for what they got, nothing else', () => {
    const plan = revoked.plan;
    const failed = { ...revoked, status: 'FAILED' as const, results: { [plan[0]!.Id]: { entryId: plan[0]!.Id, operation: 'grant' as const, outcome: 'DONE' as const, at: AT } } };
    expect(plansStillHeld([revoked, failed, { ...revoked, status: 'GRANTING' }])).toEqual([[plan[0]], plan]);
  });
  it('keeps links (and their database) another active subscription uses', () => {
    const mine = [...active.links, { ...active.links[0]!, table: 'b', targetTable: 'b' }];
    expect(linksToDelete(mine, [active])).toEqual({ links: [mine[1]], dropEmpty: new Set() });
    expect(linksToDelete(mine, [{ ...active, status: 'REVOKED' }])).toEqual({ links: mine, dropEmpty: new Set(['x_tables']) });
  });
});

describe('link layout and names to query', () => {
  const subscription = { consumerAccountId: '999999999999', meshCatalogId: '555555555555', meshDatabase: 'telco-111111111111', tables: ['a', 'b'] };
  it('links the database when every product table is granted, else the tables in <db>_tables', () => {
    expect(linkLayout(subscription, ['a', 'b'])).toMatchObject({ kind: 'database', name: 'telco-111111111111' });
    expect(linkLayout(subscription, ['a', 'b', 'c'])).toMatchObject({ kind: 'tables', database: 'telco-111111111111_tables', tables: ['a', 'b'] });
  });
  it('gives Athena-quoted "<link database>"."<table>" names', () => {
    const link = { catalogId: '999999999999', database: 'telco-111111111111', targetCatalogId: '555555555555', targetDatabase: 'telco-111111111111' };
    expect(namesToQuery({ tables: ['b', 'a'], links: [link] })).toEqual(['"telco-111111111111"."a"', '"telco-111111111111"."b"']);
  });
});

describe('remindersDue', () => {
  it('selects pending requests past the reminder age but not yet expiring', () => {
    const now = Date.parse(AT) + 48 * 3600_000;
    const young = pendingSubscription('01JD0000000000000000000003', { createdAt: new Date(now - 3600_000).toISOString() });
    const due = pendingSubscription('01JD0000000000000000000004');
    const ancient = pendingSubscription('01JD0000000000000000000005', { createdAt: '2026-01-01T00:00:00.000Z' });
    const decided = pendingSubscription('01JD0000000000000000000006', { status: 'ACTIVE' });
    expect(remindersDue([young, due, ancient, decided], now, { remindAfterHours: 24, expireAfterHours: 168 }).map((s) => s.id)).toEqual([due.id]);
  });
});
