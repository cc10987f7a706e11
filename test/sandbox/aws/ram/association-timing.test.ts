import { AccessDeniedException, GetTableCommand } from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, RevokePermissionsCommand } from '@aws-sdk/client-lakeformation';
import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  InvalidParameterException,
  ListResourcesCommand,
  MalformedArnException,
} from '@aws-sdk/client-ram';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { ResourceShareSchema, WorldSchema } from '../../../../src/sandbox/aws/world';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { advanceClock, clientPool, type ClientPool, createTables, type ServiceClients } from '../cross-account/service-clients';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const arnOf = (table: string): string => `arn:aws:glue:us-east-1:${MESH}:table/products/${table}`;
const tableOf = (table: string) => ({ CatalogId: MESH, DatabaseName: 'products', Name: table });

// A fixed base clock: the emulator's time moves only when a test advances it, so RAM's delay never
// runs out on its own while a test looks.
const BASE = Date.parse('2026-03-01T12:00:00Z');

let emu: TestEmulator;
let pool: ClientPool;
let mesh: ServiceClients;
let consumer: ServiceClients;
let producer: ServiceClients;

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emu.endpoint}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
}

/** The mesh grants SELECT and DESCRIBE on a `products` table to an account, with grant option as cross-account grants take it. */
async function grant(account: string, table: string): Promise<void> {
  await mesh.lf.send(
    new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: account }, Resource: { Table: tableOf(table) }, Permissions: ['SELECT', 'DESCRIBE'], PermissionsWithGrantOption: ['SELECT', 'DESCRIBE'] }),
  );
}

/** [entity, status] of the mesh's associations of one type. */
async function associations(associationType: 'PRINCIPAL' | 'RESOURCE'): Promise<(string | undefined)[][]> {
  const { resourceShareAssociations } = await mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType }));
  return (resourceShareAssociations ?? []).map((a) => [a.associatedEntity, a.status]);
}

async function invitationsOf(clients: ServiceClients) {
  return (await clients.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations ?? [];
}

async function ownResources(): Promise<(string | undefined)[]> {
  return ((await mesh.ram.send(new ListResourcesCommand({ resourceOwner: 'SELF' }))).resources ?? []).map((r) => r.arn);
}

/** Whether the account's admin can read the mesh table (AccessDeniedException otherwise). */
async function canRead(clients: ServiceClients, table: string): Promise<boolean> {
  try {
    await clients.glue.send(new GetTableCommand(tableOf(table)));
    return true;
  } catch (error) {
    if (error instanceof AccessDeniedException) return false;
    throw error;
  }
}

async function acceptAll(clients: ServiceClients): Promise<void> {
  for (const invitation of await invitationsOf(clients)) {
    if (invitation.status === 'PENDING') await clients.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation.resourceShareInvitationArn }));
  }
}

beforeAll(async () => {
  emu = await startTestEmulator({ clock: () => BASE });
  pool = clientPool(emu);
  mesh = pool.as('mesh');
  consumer = pool.as('consumer');
  producer = pool.as('producer');
});

beforeEach(async () => {
  await send('POST', '/_sandbox/reset');
  await createTables(mesh.glue, 'products', ['t1', 't2']);
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe('the association delay control', () => {
  it('is 2 s by default, is read and set through /_sandbox/ram/association-delay, and takes only whole milliseconds', async () => {
    expect(await (await send('GET', '/_sandbox/ram/association-delay')).json()).toEqual({ ms: 2000 });
    const set = await send('POST', '/_sandbox/ram/association-delay', { ms: 60_000 });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ ms: 60_000 });
    expect(emu.controls.ramAssociationDelay.get()).toBe(60_000);
    for (const body of [{ ms: -1 }, { ms: 1.5 }, { ms: '0' }, { ms: 0, seconds: 1 }, {}]) {
      expect((await send('POST', '/_sandbox/ram/association-delay', body)).status).toBe(400);
    }
    expect(emu.controls.ramAssociationDelay.get()).toBe(60_000);
    expect(((await (await send('GET', '/_sandbox/nothing')).json()) as { routes: string[] }).routes).toContain('GET|POST /_sandbox/ram/association-delay');
  });

  it('is set by the ramAssociationDelayMs option, which a reset keeps', async () => {
    const instant = await startTestEmulator({ ramAssociationDelayMs: 0 });
    try {
      expect(instant.controls.ramAssociationDelay.get()).toBe(0);
      instant.controls.reset();
      expect(instant.controls.ramAssociationDelay.get()).toBe(0);
    } finally {
      await instant.close();
    }
    await expect(startTestEmulator({ ramAssociationDelayMs: -5 })).rejects.toThrow();
  });
});

describe('a grant to an account outside the Organization', () => {
  it('is ASSOCIATING for the delay: not listed by the owner, no invitation, not usable', async () => {
    await grant(CONSUMER, 't1');

    expect(await associations('RESOURCE')).toEqual([[arnOf('t1'), 'ASSOCIATING']]);
    expect(await associations('PRINCIPAL')).toEqual([[CONSUMER, 'ASSOCIATING']]);
    expect(await ownResources()).toEqual([]);
    const { resourceShares } = await mesh.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(resourceShares?.map((s) => s.status)).toEqual(['ACTIVE']);
    expect(await invitationsOf(consumer)).toEqual([]);
    expect(await canRead(consumer, 't1')).toBe(false);

    await advanceClock(emu, 1.5);
    expect(await associations('RESOURCE')).toEqual([[arnOf('t1'), 'ASSOCIATING']]);
    expect(await invitationsOf(consumer)).toEqual([]);
  });

  it('completes when the clock passes the delay: ASSOCIATED and listed, the invitation sent; usable once accepted', async () => {
    await grant(CONSUMER, 't1');
    await advanceClock(emu, 2);

    expect(await associations('RESOURCE')).toEqual([[arnOf('t1'), 'ASSOCIATED']]);
    expect(await ownResources()).toEqual([arnOf('t1')]);
    const [invitation] = await invitationsOf(consumer);
    expect(invitation).toMatchObject({ senderAccountId: MESH, receiverAccountId: CONSUMER, status: 'PENDING' });
    expect(invitation?.invitationTimestamp?.getTime()).toBe(BASE + 2000);
    // The invited account stays ASSOCIATING until it accepts.
    expect(await associations('PRINCIPAL')).toEqual([[CONSUMER, 'ASSOCIATING']]);
    expect(await canRead(consumer, 't1')).toBe(false);

    await acceptAll(consumer);
    expect(await associations('PRINCIPAL')).toEqual([[CONSUMER, 'ASSOCIATED']]);
    expect(await canRead(consumer, 't1')).toBe(true);
    const { resources } = await consumer.ram.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(resources?.map((r) => r.arn)).toEqual([arnOf('t1')]);
  });

  it('dates the invitation from the association, so its 12 hours count from then', async () => {
    await send('POST', '/_sandbox/ram/association-delay', { ms: 60_000 });
    await grant(CONSUMER, 't1');
    await advanceClock(emu, 60);
    await advanceClock(emu, 12 * 60 * 60 - 1);
    expect((await invitationsOf(consumer)).map((i) => i.status)).toEqual(['PENDING']);
    await advanceClock(emu, 1);
    expect((await invitationsOf(consumer)).map((i) => i.status)).toEqual(['EXPIRED']);
  });

  it('makes a later grant on an accepted share usable once its resource is associated, without a new invitation', async () => {
    await grant(CONSUMER, 't1');
    await advanceClock(emu, 2);
    await acceptAll(consumer);

    await grant(CONSUMER, 't2');
    expect(await associations('RESOURCE')).toEqual([
      [arnOf('t1'), 'ASSOCIATED'],
      [arnOf('t2'), 'ASSOCIATING'],
    ]);
    expect(await canRead(consumer, 't2')).toBe(false);
    expect(await ownResources()).toEqual([arnOf('t1')]);

    await advanceClock(emu, 2);
    expect(await canRead(consumer, 't2')).toBe(true);
    expect(await ownResources()).toEqual([arnOf('t1'), arnOf('t2')]);
    expect((await invitationsOf(consumer)).map((i) => i.status)).toEqual(['ACCEPTED']);
  });

  it('revokes at once: the resource is DISASSOCIATED and no longer usable, with no delay', async () => {
    await grant(CONSUMER, 't1');
    await grant(CONSUMER, 't2');
    await advanceClock(emu, 2);
    await acceptAll(consumer);
    expect(await canRead(consumer, 't1')).toBe(true);

    await mesh.lf.send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: tableOf('t1') }, Permissions: ['SELECT', 'DESCRIBE'], PermissionsWithGrantOption: ['SELECT', 'DESCRIBE'] }));

    expect(await canRead(consumer, 't1')).toBe(false);
    expect(await canRead(consumer, 't2')).toBe(true);
    expect(await associations('RESOURCE')).toEqual([
      [arnOf('t1'), 'DISASSOCIATED'],
      [arnOf('t2'), 'ASSOCIATED'],
    ]);
    expect(await ownResources()).toEqual([arnOf('t2')]);
  });
});

describe('a grant inside an Organization with RAM sharing enabled', () => {
  it('sends no invitation but still waits for the association', async () => {
    emu.world.organization = { accountIds: [MESH, PRODUCER, CONSUMER], ramSharingEnabled: true };
    await grant(PRODUCER, 't1');

    expect(await associations('PRINCIPAL')).toEqual([[PRODUCER, 'ASSOCIATING']]);
    expect(await canRead(producer, 't1')).toBe(false);
    expect((await producer.ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }))).resourceShares).toEqual([]);

    await advanceClock(emu, 2);
    expect(await associations('PRINCIPAL')).toEqual([[PRODUCER, 'ASSOCIATED']]);
    expect(await associations('RESOURCE')).toEqual([[arnOf('t1'), 'ASSOCIATED']]);
    expect(await canRead(producer, 't1')).toBe(true);
    expect((await producer.ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }))).resourceShares).toHaveLength(1);
    expect(await invitationsOf(producer)).toEqual([]);
  });
});

describe('GetResourceShareAssociations', () => {
  it('answers only for the caller’s own shares, filters by share, entity and status, and refuses parameters of the other type', async () => {
    await grant(CONSUMER, 't1');
    await grant(PRODUCER, 't2');
    await advanceClock(emu, 2);
    await acceptAll(consumer);

    expect((await consumer.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE' }))).resourceShareAssociations).toEqual([]);
    const byStatus = await mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', associationStatus: 'ASSOCIATED' }));
    expect(byStatus.resourceShareAssociations?.map((a) => a.associatedEntity)).toEqual([CONSUMER]);
    const byPrincipal = await mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: PRODUCER }));
    expect(byPrincipal.resourceShareAssociations).toEqual([
      expect.objectContaining({ associatedEntity: PRODUCER, associationType: 'PRINCIPAL', status: 'ASSOCIATING', resourceShareName: expect.stringMatching(/^LakeFormation-V\d+-/) as unknown }),
    ]);
    const share = byPrincipal.resourceShareAssociations?.[0]?.resourceShareArn;
    const byShare = await mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceShareArns: [share!] }));
    expect(byShare.resourceShareAssociations?.map((a) => [a.associatedEntity, a.creationTime?.getTime(), a.lastUpdatedTime?.getTime()])).toEqual([[arnOf('t2'), BASE, BASE + 2000]]);
    const byResource = await mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceArn: arnOf('t1') }));
    expect(byResource.resourceShareAssociations?.map((a) => a.associatedEntity)).toEqual([arnOf('t1')]);

    await expect(mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceArn: arnOf('t1') }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', principal: CONSUMER }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(mesh.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceShareArns: ['not-an-arn'] }))).rejects.toBeInstanceOf(MalformedArnException);
  });
});

describe('a world saved before associations were recorded', () => {
  it('loads with the default delay, its shared resources associated and usable', async () => {
    await send('POST', '/_sandbox/ram/association-delay', { ms: 0 });
    await grant(CONSUMER, 't1');
    await acceptAll(consumer);
    const saved = JSON.parse(JSON.stringify(emu.world)) as Record<string, unknown> & { resourceShares: Record<string, unknown>[] };
    delete saved.ramAssociationDelayMs;
    for (const share of saved.resourceShares) {
      delete share.resourceAssociations;
      delete share.principalAssociations;
    }
    expect(ResourceShareSchema.parse(saved.resourceShares[0])).toMatchObject({ resourceAssociations: {}, principalAssociations: {} });

    const restarted = await startTestEmulator({ world: WorldSchema.parse(saved), clock: () => BASE });
    const clients = clientPool(restarted);
    try {
      expect(restarted.controls.ramAssociationDelay.get()).toBe(2000);
      expect(await canRead(clients.as('consumer'), 't1')).toBe(true);
      const { resourceShareAssociations } = await clients.as('mesh').ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE' }));
      expect(resourceShareAssociations?.map((a) => [a.associatedEntity, a.status])).toEqual([[arnOf('t1'), 'ASSOCIATED']]);
    } finally {
      clients.destroy();
      await restarted.close();
    }
  });
});
