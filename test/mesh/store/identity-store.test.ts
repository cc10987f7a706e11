import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../../src/mesh/domain/identity';
import { StaleWriteError } from '../../../src/mesh/errors';
import { createIdentityStore, type IdentityStore } from '../../../src/mesh/store/identity-store';
import { startTestDynamo, type TestDynamo } from '../../support/test-dynamo';

describe('identity store on dynalite', () => {
  let dynamo: TestDynamo;
  let store: IdentityStore;
  const casey = { teamId: 'T0SANDBOX', userId: 'U0CONSUMER' };

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    store = createIdentityStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix });
  });
  afterAll(async () => {
    await dynamo.close();
  });

  it('maps a Slack user to personas and keeps the same user of another workspace apart', async () => {
    const identity: Identity = {
      user: casey,
      personas: [{ accountId: '999999999999', kind: 'consumer' }],
      updatedAt: '2026-11-23T09:00:00.000Z',
      version: 1,
    };
    await store.save(identity);

    expect(await store.get(casey)).toEqual(identity);
    expect(await store.get({ teamId: 'T0OTHER', userId: 'U0CONSUMER' })).toBeUndefined();

    await store.save({ ...identity, personas: [...identity.personas, { accountId: '111111111111', kind: 'producer' }], version: 2 });
    await expect(store.save({ ...identity, personas: [], version: 2 })).rejects.toBeInstanceOf(StaleWriteError);
    expect((await store.get(casey))?.personas).toHaveLength(2);
  });
});
