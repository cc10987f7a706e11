import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { GetResourceShareInvitationsCommand, RAMClient } from '@aws-sdk/client-ram';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ramInvitations, type RamInvitations } from '../../../src/mesh/aws/ram-invitations';
import { ROLE_NAMES, producerRoleInMesh } from '../../../src/mesh/domain/account-roles';
import { InvitationExpiredError } from '../../../src/mesh/errors';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';
import { advanceClock, clientPool, type ClientPool, createTables, type ServiceClients } from '../../sandbox/aws/cross-account/service-clients';
import { startTestEmulator, type TestEmulator } from '../../sandbox/aws/start-test-emulator';
import { addHandMadeShare } from '../../support/hand-made-share';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const arnOf = (table: string): string => `arn:aws:glue:us-east-1:${MESH}:table/products/${table}`;
const RETRY = { policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, sleep: () => Promise.resolve(), random: () => 0.5 };

let emu: TestEmulator;
let pool: ClientPool;
let meshAdmin: ServiceClients;
const made: RAMClient[] = [];

/** RAM as a Meshbot role of the sandbox, through the bot's session, as the service uses it. */
async function ramAs(roleArn: string, roleName: string, accountId: string): Promise<RamInvitations> {
  const client = new RAMClient(emu.clientConfig(await emu.assumeRole(roleArn), { maxAttempts: 1 }));
  made.push(client);
  return ramInvitations({ client, roleName, accountId, retry: RETRY });
}

/** The mesh grants DESCRIBE on a `products` table to an account: Lake Formation puts it in its RAM share with that account. */
async function grant(account: string, table: string): Promise<void> {
  await meshAdmin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: account }, Resource: { Table: { CatalogId: MESH, DatabaseName: 'products', Name: table } }, Permissions: ['DESCRIBE'], PermissionsWithGrantOption: ['DESCRIBE'] }));
}

/** [share ARN, status] of the invitations an account received. */
async function invitationsOf(account: 'consumer' | 'producer'): Promise<[string | undefined, string | undefined][]> {
  const { resourceShareInvitations } = await pool.as(account).ram.send(new GetResourceShareInvitationsCommand({}));
  return (resourceShareInvitations ?? []).map((i) => [i.resourceShareArn, i.status]);
}

beforeAll(async () => {
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  meshAdmin = pool.as('mesh');
  await createTables(meshAdmin.glue, 'products', ['t1', 't2', 't3']);
});
afterEach(() => {
  emu.controls.faults.clear();
});
afterAll(async () => {
  for (const client of made) client.destroy();
  pool.destroy();
  await emu.close();
});

describe('the RAM adapter', () => {
  it('lists what the owner shares with an account with the share it is in, and accepts only the invitations of the shares it is given', async () => {
    await grant(CONSUMER, 't1');
    const other = addHandMadeShare(emu, { owner: MESH, receiver: CONSUMER, resourceArn: arnOf('t2') });
    const mesh = await ramAs(SANDBOX_ROLE_ARNS.producerInMesh, producerRoleInMesh(PRODUCER), MESH);
    const consumer = await ramAs(SANDBOX_ROLE_ARNS.consumer, ROLE_NAMES.consumer, CONSUMER);

    const shared = await mesh.sharedWith(CONSUMER);
    const lakeFormationShare = shared.find((r) => r.resourceArn === arnOf('t1'))?.shareArn ?? '';
    expect(shared).toEqual(expect.arrayContaining([{ resourceArn: arnOf('t1'), shareArn: lakeFormationShare }, { resourceArn: arnOf('t2'), shareArn: other }]));
    expect(lakeFormationShare).not.toBe(other);

    // A throttled accept is sent again.
    emu.controls.faults.add({ service: 'ram', operation: 'AcceptResourceShareInvitation', error: 'ThrottlingException', count: 1 });
    const outcome = await consumer.accept(MESH, [lakeFormationShare]);

    expect(outcome).toEqual({ accepted: [expect.stringContaining(':resource-share-invitation/')], alreadyAccepted: [], notYetThere: [] });
    expect(await invitationsOf('consumer')).toEqual(
      expect.arrayContaining([
        [lakeFormationShare, 'ACCEPTED'],
        [other, 'PENDING'],
      ]),
    );
    expect(await consumer.accept(MESH, [lakeFormationShare])).toEqual({ accepted: [], alreadyAccepted: outcome.accepted, notYetThere: [] });
    expect(await invitationsOf('consumer')).toContainEqual([other, 'PENDING']);
  });

  it('lists a share RAM has not delivered as not yet there, then as shared once associated, and throws InvitationExpiredError for an invitation left 12 hours', async () => {
    emu.controls.ramAssociationDelay.set(60_000);
    await grant(PRODUCER, 't3');
    const mesh = await ramAs(SANDBOX_ROLE_ARNS.producerInMesh, producerRoleInMesh(PRODUCER), MESH);
    const producer = await ramAs(SANDBOX_ROLE_ARNS.producer, ROLE_NAMES.producer, PRODUCER);
    const share = emu.world.resourceShares.find((s) => s.resources.includes(arnOf('t3')))?.arn ?? '';

    expect(await mesh.sharedWith(PRODUCER)).toEqual([]);
    expect(await producer.accept(MESH, [share])).toEqual({ accepted: [], alreadyAccepted: [], notYetThere: [share] });

    await advanceClock(emu, 60);
    expect(await mesh.sharedWith(PRODUCER)).toEqual([{ resourceArn: arnOf('t3'), shareArn: share }]);
    await advanceClock(emu, 12 * 60 * 60 + 1);
    // A new session: the one assumed 12 hours ago has expired too.
    const later = await ramAs(SANDBOX_ROLE_ARNS.producer, ROLE_NAMES.producer, PRODUCER);
    const expired = await later.accept(MESH, [share]).catch((error: unknown) => error);

    expect(expired).toBeInstanceOf(InvitationExpiredError);
    expect(expired).toMatchObject({ consumerAccountId: PRODUCER });
    expect(await invitationsOf('producer')).toEqual([[share, 'EXPIRED']]);
  });
});
