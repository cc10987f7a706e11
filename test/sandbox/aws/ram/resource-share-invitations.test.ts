import { GetTableCommand } from '@aws-sdk/client-glue';
import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  MalformedArnException,
  paginateGetResourceShareInvitations,
  RejectResourceShareInvitationCommand,
  ResourceShareInvitationAlreadyAcceptedException,
  ResourceShareInvitationAlreadyRejectedException,
  ResourceShareInvitationArnNotFoundException,
  UnknownResourceException,
} from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { clientPool, type ClientPool, createTables, type ServiceClients } from '../cross-account/service-clients';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const TABLES = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`);

let emu: TestEmulator;
let pool: ClientPool;
let mesh: ServiceClients;
let consumer: ServiceClients;
let producer: ServiceClients;

/** Grant DESCRIBE on a table of the `products` mesh database to another account. */
async function shareTable(account: string, table: string): Promise<void> {
  await mesh.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: account }, Resource: { Table: { DatabaseName: 'products', Name: table } }, Permissions: ['DESCRIBE'] }));
}

/** The invitations an account received, oldest first. */
async function invitationsOf(clients: ServiceClients) {
  return (await clients.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations ?? [];
}

beforeAll(async () => {
  // RAM associates at once: this file is about invitations, association-timing.test.ts about when they come.
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  mesh = pool.as('mesh');
  consumer = pool.as('consumer');
  producer = pool.as('producer');
  await createTables(mesh.glue, 'products', TABLES);
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe('RejectResourceShareInvitation', () => {
  it('rejects a pending invitation; it cannot then be accepted or rejected again', async () => {
    await shareTable(CONSUMER, 't00');
    const [invitation] = await invitationsOf(consumer);
    const resourceShareInvitationArn = invitation!.resourceShareInvitationArn;

    const { resourceShareInvitation } = await consumer.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn }));

    expect(resourceShareInvitation).toMatchObject({ status: 'REJECTED', senderAccountId: MESH, receiverAccountId: CONSUMER });
    await expect(consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn }))).rejects.toBeInstanceOf(ResourceShareInvitationAlreadyRejectedException);
    await expect(consumer.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn }))).rejects.toBeInstanceOf(ResourceShareInvitationAlreadyRejectedException);
    await expect(consumer.glue.send(new GetTableCommand({ CatalogId: MESH, DatabaseName: 'products', Name: 't00' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('AcceptResourceShareInvitation', () => {
  it('accepts the new invitation a later grant sends, once', async () => {
    await shareTable(CONSUMER, 't01');
    const pending = (await invitationsOf(consumer)).filter((i) => i.status === 'PENDING');
    expect(pending).toHaveLength(1);
    const resourceShareInvitationArn = pending[0]!.resourceShareInvitationArn;

    const { resourceShareInvitation, clientToken } = await consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn, clientToken: 'token-1' }));

    expect(resourceShareInvitation?.status).toBe('ACCEPTED');
    expect(clientToken).toBe('token-1');
    await expect(consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn }))).rejects.toBeInstanceOf(ResourceShareInvitationAlreadyAcceptedException);
    await expect(consumer.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn }))).rejects.toBeInstanceOf(ResourceShareInvitationAlreadyAcceptedException);
    // Both tables are in the one share the consumer accepted now.
    expect((await consumer.glue.send(new GetTableCommand({ CatalogId: MESH, DatabaseName: 'products', Name: 't00' }))).Table?.Name).toBe('t00');
  });

  it('lets only the receiver answer: the sender is told the invitation does not exist', async () => {
    const [invitation] = await invitationsOf(consumer);
    const answer = mesh.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation!.resourceShareInvitationArn }));
    await expect(answer).rejects.toBeInstanceOf(ResourceShareInvitationArnNotFoundException);
  });

  it('answers ResourceShareInvitationArnNotFoundException for an unknown ARN and MalformedArnException for a malformed one', async () => {
    const unknown = consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: `arn:aws:ram:us-east-1:${MESH}:resource-share-invitation/nope` }));
    await expect(unknown).rejects.toBeInstanceOf(ResourceShareInvitationArnNotFoundException);
    await expect(consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: 'not-an-arn' }))).rejects.toBeInstanceOf(MalformedArnException);
  });
});

describe('GetResourceShareInvitations and GetResourceShares', () => {
  it('filters invitations by invitation ARN and by share ARN, and refuses unknown or malformed ones', async () => {
    const all = await invitationsOf(consumer);
    const [first] = all;
    const byArn = await consumer.ram.send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [first!.resourceShareInvitationArn!] }));
    expect(byArn.resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).toEqual([first!.resourceShareInvitationArn]);
    const byShare = await consumer.ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [first!.resourceShareArn!] }));
    expect(byShare.resourceShareInvitations).toHaveLength(all.length);

    const unknownShare = consumer.ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [`arn:aws:ram:us-east-1:${MESH}:resource-share/nope`] }));
    await expect(unknownShare).rejects.toBeInstanceOf(UnknownResourceException);
    await expect(consumer.ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: ['nope'] }))).rejects.toBeInstanceOf(MalformedArnException);
  });

  it('lists own shares (SELF) and accepted shares of others (OTHER-ACCOUNTS)', async () => {
    const own = await mesh.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(own.resourceShares?.map((s) => s.owningAccountId)).toEqual([MESH]);
    expect(own.resourceShares?.[0]?.creationTime).toBeInstanceOf(Date);
    const received = await consumer.ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(received.resourceShares?.map((s) => s.resourceShareArn)).toEqual(own.resourceShares?.map((s) => s.resourceShareArn));
    const none = await producer.ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(none.resourceShares).toEqual([]);
  });

  it('runs the SDK paginator to completion with the exact count', async () => {
    // Each rejected invitation is replaced by a new one at the next grant: 10 invitations to the producer.
    for (const table of TABLES.slice(2)) {
      await shareTable(PRODUCER, table);
      const pending = (await invitationsOf(producer)).find((i) => i.status === 'PENDING');
      await producer.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: pending!.resourceShareInvitationArn }));
    }

    const statuses: string[] = [];
    let pages = 0;
    for await (const page of paginateGetResourceShareInvitations({ client: producer.ram, pageSize: 3 }, {})) {
      pages += 1;
      statuses.push(...(page.resourceShareInvitations ?? []).map((i) => i.status ?? ''));
    }
    expect(pages).toBe(4);
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 'REJECTED'));
  });
});

describe('sharing inside an Organization with RAM sharing enabled', () => {
  it('needs no invitation: the resource is usable at once', async () => {
    emu.world.organization = { accountIds: [MESH, PRODUCER, CONSUMER], ramSharingEnabled: true };
    const before = (await invitationsOf(producer)).length;
    await shareTable(PRODUCER, 't11');
    expect(await invitationsOf(producer)).toHaveLength(before);
    expect((await producer.glue.send(new GetTableCommand({ CatalogId: MESH, DatabaseName: 'products', Name: 't11' }))).Table?.Name).toBe('t11');
    emu.world.organization = null;
  });
});
