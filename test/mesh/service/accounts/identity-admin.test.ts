import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountNotEnabledError, NotAuthorizedError, NotFoundError } from '../../../../src/mesh/errors';
import { enableAccount } from '../../../../src/mesh/service/accounts/enable-account';
import { mapUser } from '../../../../src/mesh/service/accounts/map-user';
import { unmapUser } from '../../../../src/mesh/service/accounts/unmap-user';
import { whoami } from '../../../../src/mesh/service/accounts/whoami';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;

let world: MeshWorld;

beforeAll(async () => {
  world = await startMeshWorld();
  await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer' });
});

afterAll(async () => {
  await world.close();
});

describe('mapUser', () => {
  it('refuses a user who is not a mesh admin', async () => {
    await expect(mapUser(world.deps, world.ctx(USERS.pat), { user: USERS.stranger, accountId: CONSUMER, kind: 'consumer' })).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it('refuses an account not enabled for that role', async () => {
    const attempt = mapUser(world.deps, world.ctx(USERS.ada), { user: USERS.stranger, accountId: PRODUCER, kind: 'producer' });
    await expect(attempt).rejects.toBeInstanceOf(AccountNotEnabledError);
    await expect(mapUser(world.deps, world.ctx(USERS.ada), { user: USERS.stranger, accountId: CONSUMER, kind: 'producer' })).rejects.toMatchObject({ as: 'producer', accountId: CONSUMER });
    await expect(mapUser(world.deps, world.ctx(USERS.ada), { user: USERS.stranger, accountId: PRODUCER, kind: 'admin' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await world.deps.stores.identities.get(USERS.stranger)).toBeUndefined();
  });

  it('maps an unmapped user (version 1), and mapping again changes nothing', async () => {
    const first = await mapUser(world.deps, world.ctx(USERS.ada), { user: USERS.stranger, accountId: CONSUMER, kind: 'consumer' });
    expect(first).toMatchObject({ changed: true, identity: { personas: [{ accountId: CONSUMER, kind: 'consumer' }], updatedBy: USERS.ada, version: 1 } });
    const again = await mapUser(world.deps, world.ctx(USERS.ada), { user: USERS.stranger, accountId: CONSUMER, kind: 'consumer' });
    expect(again).toMatchObject({ changed: false, identity: { version: 1 } });
  });

  it('adds a persona to a mapped user (version + 1)', async () => {
    const { identity } = await mapUser(world.deps, world.ctx(USERS.ada), { user: USERS.pat, accountId: CONSUMER, kind: 'consumer' });
    expect(identity.personas).toEqual([
      { accountId: PRODUCER, kind: 'producer' },
      { accountId: CONSUMER, kind: 'consumer' },
    ]);
    expect(identity.version).toBe(2);
  });

  it('refuses input that does not parse, naming the field', async () => {
    await expect(mapUser(world.deps, world.ctx(USERS.ada), { user: USERS.stranger, accountId: '123', kind: 'consumer' })).rejects.toThrow(/^map: accountId: "123" is not an AWS account id/);
  });
});

describe('whoami and unmapUser', () => {
  it('tells a user their personas and whether they are a mesh admin', async () => {
    expect(await whoami(world.deps, world.ctx(USERS.stranger))).toMatchObject({
      user: USERS.stranger,
      personas: [{ accountId: CONSUMER, kind: 'consumer' }],
      meshAdmin: false,
      identity: { user: USERS.stranger, updatedBy: USERS.ada },
    });
    expect(await whoami(world.deps, world.ctx(USERS.ada))).toEqual({ user: USERS.ada, personas: [], meshAdmin: true, identity: undefined });
  });

  it('removes the personas of one account (version + 1), and unmapping again changes nothing', async () => {
    const { identity, changed } = await unmapUser(world.deps, world.ctx(USERS.ada), { user: USERS.pat, accountId: CONSUMER });
    expect(changed).toBe(true);
    expect(identity).toMatchObject({ personas: [{ accountId: PRODUCER, kind: 'producer' }], version: 3 });
    expect(await unmapUser(world.deps, world.ctx(USERS.ada), { user: USERS.pat, accountId: CONSUMER })).toMatchObject({ changed: false });
    await expect(unmapUser(world.deps, world.ctx(USERS.pat), { user: USERS.stranger, accountId: CONSUMER })).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});
