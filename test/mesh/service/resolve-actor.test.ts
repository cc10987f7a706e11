import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeshConfigSchema } from '../../../src/mesh/service/mesh-config';
import { resolveActor } from '../../../src/mesh/service/resolve-actor';
import { startMeshWorld, USERS, type MeshWorld } from '../../support/mesh-world';

let world: MeshWorld;

beforeAll(async () => {
  world = await startMeshWorld();
});
afterAll(async () => {
  await world.close();
});

describe('who is a mesh admin', () => {
  it('an admin configured without a workspace is one in every workspace; with one, only there', async () => {
    const config = MeshConfigSchema.parse({ ...world.deps.config, meshAdmins: [{ userId: 'U0ANY' }, { teamId: 'T0SANDBOX', userId: 'U0ADMIN' }] });
    const deps = { ...world.deps, config };

    expect((await resolveActor(deps, { user: { teamId: 'T0OTHER', userId: 'U0ANY' }, requestId: 'r' })).meshAdmin).toBe(true);
    expect((await resolveActor(deps, { user: { teamId: 'T0SANDBOX', userId: 'U0ADMIN' }, requestId: 'r' })).meshAdmin).toBe(true);
    expect((await resolveActor(deps, { user: { teamId: 'T0OTHER', userId: 'U0ADMIN' }, requestId: 'r' })).meshAdmin).toBe(false);
  });

  it('asks the extra admin check (a Slack user group) for anyone the list does not name', async () => {
    const asked: string[] = [];
    const deps = {
      ...world.deps,
      isMeshAdmin: (user: { userId: string }) => {
        asked.push(user.userId);
        return Promise.resolve(user.userId === 'U0GROUPIE');
      },
    };

    expect((await resolveActor(deps, { user: { teamId: 'T0SANDBOX', userId: 'U0GROUPIE' }, requestId: 'r' })).meshAdmin).toBe(true);
    expect((await resolveActor(deps, { user: USERS.pat, requestId: 'r' })).meshAdmin).toBe(false);
    expect((await resolveActor(deps, { user: USERS.ada, requestId: 'r' })).meshAdmin).toBe(true);
    expect(asked).toEqual(['U0GROUPIE', 'U0PRODUCER']);
  });
});
