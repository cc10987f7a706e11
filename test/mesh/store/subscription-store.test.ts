import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../src/mesh/domain/ids';
import { AlreadyDecidedError, AlreadyExistsError, IllegalTransitionError, InvalidInputError, MalformedItemError, StaleWriteError } from '../../../src/mesh/errors';
import { createSubscriptionStore, type SubscriptionStore } from '../../../src/mesh/store/subscription-store';
import { pendingSubscription } from '../../support/subscription-fixture';
import { startTestDynamo, type TestDynamo } from '../../support/test-dynamo';

const owners = Array.from({ length: 50 }, (_, i) => ({ teamId: 'T0SANDBOX', userId: `U0OWNER${String(i).padStart(2, '0')}` }));
const at = (minute: number): string => new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString();

describe('subscription store on dynalite', () => {
  let dynamo: TestDynamo;
  let store: SubscriptionStore;
  const newId = createIdGenerator();

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    store = createSubscriptionStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix });
  });
  afterAll(async () => {
    await dynamo.close();
  });

  it('keeps what was saved and refuses a second create of the same id', async () => {
    const subscription = pendingSubscription(newId(), { columns: { kind: 'exclude', names: ['msisdn'] } });
    await store.save(subscription);

    expect(await store.get(subscription.id)).toEqual(subscription);
    await expect(store.save(subscription)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await store.get('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBeUndefined();
  });

  it('50 concurrent approvals: exactly one wins, every other is told who decided', async () => {
    const subscription = pendingSubscription(newId());
    await store.save(subscription);

    const outcomes = await Promise.allSettled(
      owners.map((owner) => store.record(subscription.id, { event: 'approve', actor: owner, at: at(1) })),
    );

    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    const stored = await store.get(subscription.id);
    expect(stored?.status).toBe('GRANTING');
    expect(stored?.version).toBe(2);
    for (const loser of losers) {
      expect(loser).toBeInstanceOf(AlreadyDecidedError);
      expect((loser as AlreadyDecidedError).params.decidedBy).toEqual(stored?.decidedBy);
      expect((loser as AlreadyDecidedError).message).toContain(`by user ${stored?.decidedBy?.userId ?? 'nobody'}`);
    }
    // One request entry and one decision: the losers left no trace.
    expect(stored?.history.map((h) => h.event)).toEqual(['request', 'approve']);
  });

  it('applies a decision to the loaded subscription in one write; a loser on a stale copy is told who decided', async () => {
    const subscription = pendingSubscription(newId());
    await store.save(subscription);

    const approved = await store.apply(subscription, { event: 'approve', actor: owners[0]!, at: at(1) });
    const late = store.apply(subscription, { event: 'approve', actor: owners[1]!, at: at(1) });

    expect(approved).toMatchObject({ status: 'GRANTING', version: 2, decidedBy: owners[0] });
    await expect(late).rejects.toBeInstanceOf(AlreadyDecidedError);
    expect(await store.get(subscription.id)).toEqual(approved);
  });

  it('on a stale copy, a legal change is refused (StaleWriteError) unless it may rebase, as a job outcome does, on the state that won', async () => {
    const subscription = pendingSubscription(newId());
    await store.save(subscription);
    const granting = await store.apply(subscription, { event: 'approve', actor: owners[0]!, at: at(1) });
    const failed = await store.apply(granting, { event: 'grant-failed', actor: { system: 'grant-job' }, at: at(2) });
    const retried = await store.apply(failed, { event: 'retry', actor: owners[0]!, at: at(3) });
    // Somebody notes something on the subscription meanwhile (a checkpoint of results, say).
    await store.save({ ...retried, version: retried.version + 1, decisionNotes: 'checkpoint' });

    await expect(store.apply(retried, { event: 'grant-succeeded', actor: { system: 'grant-job' }, at: at(4) })).rejects.toBeInstanceOf(StaleWriteError);
    const active = await store.apply(retried, { event: 'grant-succeeded', actor: { system: 'grant-job' }, at: at(4) }, 'rebase');

    expect(active).toMatchObject({ status: 'ACTIVE', version: retried.version + 2, decisionNotes: 'checkpoint' });
    expect(await store.get(subscription.id)).toEqual(active);
  });

  it('keeps every history entry through a whole life, with who, when and why', async () => {
    const subscription = pendingSubscription(newId());
    await store.save(subscription);
    const ada = { teamId: 'T0SANDBOX', userId: 'U0ADMIN' };

    await store.record(subscription.id, { event: 'approve', actor: ada, at: at(2), note: 'ok for Q4', patch: { grantedPermissions: ['SELECT'] } });
    await store.record(subscription.id, { event: 'grant-failed', actor: { system: 'grant-worker' }, at: at(3) });
    await store.record(subscription.id, { event: 'retry', actor: ada, at: at(4) });
    await store.record(subscription.id, { event: 'grant-succeeded', actor: { system: 'grant-worker' }, at: at(5) });
    const revoked = await store.record(subscription.id, { event: 'revoke', actor: ada, at: at(6), note: 'project ended' });

    expect(revoked.status).toBe('REVOKING');
    expect(revoked.version).toBe(6);
    expect(revoked.history).toEqual([
      subscription.history[0],
      { at: at(2), actor: ada, event: 'approve', from: 'PENDING', to: 'GRANTING', note: 'ok for Q4' },
      { at: at(3), actor: { system: 'grant-worker' }, event: 'grant-failed', from: 'GRANTING', to: 'FAILED' },
      { at: at(4), actor: ada, event: 'retry', from: 'FAILED', to: 'GRANTING' },
      { at: at(5), actor: { system: 'grant-worker' }, event: 'grant-succeeded', from: 'GRANTING', to: 'ACTIVE' },
      // Approved as asked: no delta; the revoke records everything that goes.
      {
        at: at(6),
        actor: ada,
        event: 'revoke',
        from: 'ACTIVE',
        to: 'REVOKING',
        note: 'project ended',
        delta: { permissions: { added: [], removed: ['SELECT'] }, tables: { added: [], removed: subscription.tables } },
      },
    ]);
    expect(revoked.decidedBy).toEqual(ada);
    expect(await store.get(subscription.id)).toEqual(revoked);
  });

  it('refuses an illegal move and changes nothing', async () => {
    const subscription = pendingSubscription(newId());
    await store.save(subscription);

    const attempt = store.record(subscription.id, { event: 'revoke', actor: owners[0]!, at: at(7) });

    await expect(attempt).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(attempt).rejects.toThrow('cannot revoke a subscription that is PENDING');
    expect(await store.get(subscription.id)).toEqual(subscription);
  });

  it('a stale save carries the item as it is now', async () => {
    const subscription = pendingSubscription(newId());
    await store.save(subscription);
    await store.save({ ...subscription, version: 2, decisionNotes: 'first' });

    const error: unknown = await store.save({ ...subscription, version: 2, decisionNotes: 'second' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StaleWriteError);
    expect((error as StaleWriteError).current).toMatchObject({ version: 2, decisionNotes: 'first' });
  });

  it('answers every list from an index, newest first, in pages, without a Scan', async () => {
    const casey = { teamId: 'T0SANDBOX', userId: 'U0CASEY' };
    const ids = Array.from({ length: 5 }, () => newId());
    for (const [i, id] of ids.entries()) {
      await store.save(
        pendingSubscription(id, {
          producerAccountId: '222222222222',
          consumerAccountId: '888888888888',
          productId: 'sales-222222222222',
          requester: casey,
          ...(i === 4 && { status: 'DENIED' }),
        }),
      );
    }
    const pendingIds = ids.slice(0, 4).reverse();
    dynamo.operations.length = 0;

    const pending = await store.listForProducer('222222222222', 'PENDING');
    const first = await store.listForConsumer('888888888888', { limit: 3 });
    const second = await store.listForConsumer('888888888888', { limit: 3, cursor: first.cursor! });
    const ofProduct = await store.listForProduct('sales-222222222222');
    const ofRequester = await store.listForRequester(casey);
    const denied = await store.listByStatus('DENIED');

    expect(pending.items.map((s) => s.id)).toEqual(pendingIds);
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual([...ids].reverse());
    expect(first.items).toHaveLength(3);
    expect(ofProduct.items).toHaveLength(5);
    expect(ofRequester.items).toHaveLength(5);
    expect(denied.items.map((s) => s.id)).toContain(ids[4]);
    expect(dynamo.operations).not.toContain('Scan');
    expect(new Set(dynamo.operations)).toEqual(new Set(['Query']));
  });

  it('moves a request between producer lists when its status changes', async () => {
    const subscription = pendingSubscription(newId(), { producerAccountId: '333333333333' });
    await store.save(subscription);

    await store.record(subscription.id, { event: 'deny', actor: owners[1]!, at: at(8), note: 'no PII outside EU' });

    expect((await store.listForProducer('333333333333', 'PENDING')).items).toEqual([]);
    expect((await store.listForProducer('333333333333', 'DENIED')).items.map((s) => s.decisionNotes)).toEqual([undefined]);
  });

  it('refuses a tampered page cursor with a clear error', async () => {
    await expect(store.listForConsumer('999999999999', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('names a malformed stored item and what is wrong with it', async () => {
    const id = newId();
    await dynamo.doc.send(
      new PutCommand({
        TableName: `${dynamo.tablePrefix}subscriptions`,
        Item: { ...pendingSubscription(id), status: 'APPROVED', justification: '' },
      }),
    );

    const error: unknown = await store.get(id).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MalformedItemError);
    expect((error as Error).message).toContain(`subscription ${id}`);
    expect((error as Error).message).toContain('"APPROVED" is not a status');
    expect((error as Error).message).toContain('justification: a reason is required');
  });
});
