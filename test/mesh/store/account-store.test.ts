import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshAccount } from '../../../src/mesh/domain/mesh-account';
import { AlreadyExistsError } from '../../../src/mesh/errors';
import { createAccountStore, type AccountStore } from '../../../src/mesh/store/account-store';
import { startTestDynamo, type TestDynamo } from '../../support/test-dynamo';

describe('account store on dynalite', () => {
  let dynamo: TestDynamo;
  let store: AccountStore;
  const ada = { teamId: 'T0SANDBOX', userId: 'U0ADMIN' };
  const account = (accountId: string, producer: boolean, consumer: boolean): MeshAccount => ({
    accountId,
    producer,
    consumer,
    enabledBy: ada,
    enabledAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    version: 1,
  });

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    store = createAccountStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix });
  });
  afterAll(async () => {
    await dynamo.close();
  });

  it('records enabled accounts once and lists them all with a Query', async () => {
    await store.save(account('111111111111', true, false));
    await store.save(account('999999999999', false, true));
    await expect(store.save(account('111111111111', true, true))).rejects.toBeInstanceOf(AlreadyExistsError);
    await store.save({ ...account('111111111111', true, true), version: 2 });
    dynamo.operations.length = 0;

    const listed = await store.list();

    expect(listed.items.map((a) => [a.accountId, a.producer, a.consumer])).toEqual([
      ['999999999999', false, true],
      ['111111111111', true, true],
    ]);
    expect(dynamo.operations).toEqual(['Query']);
    expect(await store.get('222222222222')).toBeUndefined();
  });
});
