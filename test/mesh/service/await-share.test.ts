import { GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enableAccount } from '../../../src/mesh/service/accounts/enable-account';
import { publishProduct } from '../../../src/mesh/service/products/publish-product';
import { approveRequest } from '../../../src/mesh/service/subscriptions/approve-request';
import { requestAccess } from '../../../src/mesh/service/subscriptions/request-access';
import { runGrant } from '../../../src/mesh/service/subscriptions/run-grant';
import { SANDBOX_ACCOUNTS } from '../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool } from '../../sandbox/aws/cross-account/service-clients';
import { addHandMadeShare } from '../../support/hand-made-share';
import { startMeshWorld, USERS, type MeshWorld } from '../../support/mesh-world';

/**
 * The mesh accepts, in the account that receives its grants, the invitations of the shares that hold
 * what it granted — never another pending invitation from the mesh account, such as one of a share
 * an administrator made by hand for something else.
 */
const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const MESH_DB = `telco-${PRODUCER}`;
/** Something else the mesh account shares with both accounts, outside the mesh's grants. */
const OTHER_RESOURCE = `arn:aws:glue:us-east-1:${MESH}:database/finance-reports`;

let world: MeshWorld;
let pool: ClientPool;
let toProducer: string;
let toConsumer: string;

/** [share ARN, status] of the invitations an account received. */
async function invitationsOf(account: 'producer' | 'consumer'): Promise<[string | undefined, string | undefined][]> {
  const { resourceShareInvitations } = await pool.as(account).ram.send(new GetResourceShareInvitationsCommand({}));
  return (resourceShareInvitations ?? []).map((i) => [i.resourceShareArn, i.status]);
}

beforeAll(async () => {
  world = await startMeshWorld();
  pool = clientPool(world.emu);
  toProducer = addHandMadeShare(world.emu, { owner: MESH, receiver: PRODUCER, resourceArn: OTHER_RESOURCE });
  toConsumer = addHandMadeShare(world.emu, { owner: MESH, receiver: CONSUMER, resourceArn: OTHER_RESOURCE });
  await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: PRODUCER, as: 'producer' });
  await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer' });
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

describe('publishing while the producer has another pending invitation from the mesh account', () => {
  it('accepts the invitation of the share of its grant only, and leaves the other PENDING', async () => {
    expect(await invitationsOf('producer')).toEqual([[toProducer, 'PENDING']]);

    const { summary } = await publishProduct(world.deps, world.ctx(USERS.pat), { producerAccountId: PRODUCER, sourceDatabase: 'telco', tablePattern: 'usecase*' });

    expect(summary.invitationsAccepted).toBe(1);
    const invitations = await invitationsOf('producer');
    expect(invitations).toHaveLength(2);
    expect(invitations).toContainEqual([toProducer, 'PENDING']);
    expect(invitations.filter(([share]) => share !== toProducer).map(([, status]) => status)).toEqual(['ACCEPTED']);
  });
});

describe('importing a grant while the consumer has another pending invitation from the mesh account', () => {
  it('accepts the invitation of the share of the grant only, records that share alone, and leaves the other PENDING', async () => {
    const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, permissions: ['SELECT'], justification: 'Churn model' });
    await approveRequest(world.deps, world.ctx(USERS.pat), { id: subscription.id });

    const granted = (await runGrant(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;

    expect(granted.status).toBe('ACTIVE');
    expect(granted.ramShares).toHaveLength(1);
    expect(granted.ramShares).not.toContain(toConsumer);
    const invitations = await invitationsOf('consumer');
    expect(invitations).toContainEqual([toConsumer, 'PENDING']);
    expect(invitations).toContainEqual([granted.ramShares[0], 'ACCEPTED']);
    expect(invitations).toHaveLength(2);
  });
});
