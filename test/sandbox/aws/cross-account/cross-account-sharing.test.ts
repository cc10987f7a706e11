import { AccessDeniedException, CreateDatabaseCommand, CreateTableCommand, GetDatabasesCommand, GetTableCommand, GetTablesCommand } from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, RevokePermissionsCommand } from '@aws-sdk/client-lakeformation';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand, GetResourceSharesCommand, ListResourcesCommand, ResourceShareInvitationExpiredException } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole, DATA_USER_STATEMENTS } from '../test-roles';
import { advanceClock, clientPool, type ClientPool, createTables, type ServiceClients } from './service-clients';
import { grantsTo } from '../../../support/grants-to';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const MESH_DB = `telco-${PRODUCER}`;

let emu: TestEmulator;
let pool: ClientPool;
let meshAdmin: ServiceClients;
let producerInMesh: ServiceClients;
let consumer: ServiceClients;

beforeAll(async () => {
  // RAM associates at once: this file is about what sharing allows, ram/association-timing.test.ts about when.
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  meshAdmin = pool.as('mesh');
  consumer = pool.as(await emu.assumeRole(SANDBOX_ROLE_ARNS.consumer));
  producerInMesh = pool.as(await emu.assumeRole(SANDBOX_ROLE_ARNS.producerInMesh));
  // The consumer role the re-grants below name (Lake Formation refuses grants to roles that do not exist):
  // the seed's Analyst, made here when the seed has none.
  if (emu.world.accounts[CONSUMER]?.roles.Analyst === undefined) addRole(emu, CONSUMER, 'Analyst', DATA_USER_STATEMENTS);
  // The mesh as publishing leaves it: the mesh database and its tables, and the producer's role in
  // the mesh holding grantable permissions on that database and all its tables.
  await createTables(meshAdmin.glue, MESH_DB, ['usecase1', 'usecase2', 'internal']);
  await meshAdmin.lf.send(
    new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource: { Database: { Name: MESH_DB } }, Permissions: ['ALL'], PermissionsWithGrantOption: ['ALL'] }),
  );
  await meshAdmin.lf.send(
    new GrantPermissionsCommand({
      Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh },
      Resource: { Table: { DatabaseName: MESH_DB, TableWildcard: {} } },
      Permissions: ['ALL'],
      PermissionsWithGrantOption: ['ALL'],
    }),
  );
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

const usecase1 = { CatalogId: MESH, DatabaseName: MESH_DB, Name: 'usecase1' };

describe('sharing a mesh table with the consumer account', () => {
  it('is invisible to the consumer before any grant', async () => {
    await expect(consumer.glue.send(new GetTableCommand(usecase1))).rejects.toBeInstanceOf(AccessDeniedException);
    const { DatabaseList } = await consumer.glue.send(new GetDatabasesCommand({ ResourceShareType: 'ALL' }));
    expect(DatabaseList).toEqual([]);
  });

  it('stays invisible after the grant until the consumer accepts the RAM invitation', async () => {
    await producerInMesh.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: usecase1 }, Permissions: ['SELECT', 'DESCRIBE'], PermissionsWithGrantOption: ['SELECT', 'DESCRIBE'] }),
    );

    await expect(consumer.glue.send(new GetTableCommand(usecase1))).rejects.toBeInstanceOf(AccessDeniedException);
    const { resourceShareInvitations } = await consumer.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(resourceShareInvitations).toHaveLength(1);
    expect(resourceShareInvitations![0]).toMatchObject({ senderAccountId: MESH, receiverAccountId: CONSUMER, status: 'PENDING' });
    expect(resourceShareInvitations![0]!.invitationTimestamp).toBeInstanceOf(Date);
    const { resourceShares } = await meshAdmin.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(resourceShares).toHaveLength(1);
    expect(resourceShares![0]).toMatchObject({ owningAccountId: MESH, status: 'ACTIVE', resourceShareArn: resourceShareInvitations![0]!.resourceShareArn });
  });

  it('is visible once accepted: GetTable, GetTables, GetDatabases(ALL), and a resource link resolving to it', async () => {
    const { resourceShareInvitations } = await consumer.ram.send(new GetResourceShareInvitationsCommand({}));
    const { resourceShareInvitation } = await consumer.ram.send(
      new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: resourceShareInvitations![0]!.resourceShareInvitationArn }),
    );
    expect(resourceShareInvitation?.status).toBe('ACCEPTED');

    const { Table } = await consumer.glue.send(new GetTableCommand(usecase1));
    expect(Table).toMatchObject({ Name: 'usecase1', CatalogId: MESH, DatabaseName: MESH_DB });
    const { TableList } = await consumer.glue.send(new GetTablesCommand({ CatalogId: MESH, DatabaseName: MESH_DB }));
    expect(TableList?.map((t) => t.Name)).toEqual(['usecase1']);
    const own = await consumer.glue.send(new GetDatabasesCommand({}));
    expect(own.DatabaseList).toEqual([]);
    const all = await consumer.glue.send(new GetDatabasesCommand({ ResourceShareType: 'ALL' }));
    expect(all.DatabaseList?.map((d) => [d.CatalogId, d.Name])).toEqual([[MESH, MESH_DB]]);
    // MeshbotConsumer's policy has no ram:ListResources (Meshbot does not list there): the account's admin lists.
    const { resources } = await pool.as('consumer').ram.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(resources?.map((r) => [r.arn, r.type])).toEqual([[`arn:aws:glue:us-east-1:${MESH}:table/${MESH_DB}/usecase1`, 'glue:Table']]);

    await consumer.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'mesh_products' } }));
    await consumer.glue.send(new CreateTableCommand({ DatabaseName: 'mesh_products', TableInput: { Name: 'usecase1_link', TargetTable: usecase1 } }));
    const link = await consumer.glue.send(new GetTableCommand({ DatabaseName: 'mesh_products', Name: 'usecase1_link' }));
    expect(link.Table).toMatchObject({ Name: 'usecase1_link', DatabaseName: 'mesh_products', CatalogId: CONSUMER, TargetTable: usecase1 });
    expect(link.Table?.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['id', 'value']);
  });

  it('lets the consumer account re-grant within its account what it received with grant option, and nothing else', async () => {
    await consumer.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::${CONSUMER}:role/Analyst` }, Resource: { Table: usecase1 }, Permissions: ['SELECT'] }),
    );
    const refused = consumer.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: PRODUCER }, Resource: { Table: usecase1 }, Permissions: ['SELECT'] }),
    );
    await expect(refused).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const notReceived = consumer.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::${CONSUMER}:role/Analyst` }, Resource: { Table: { ...usecase1, Name: 'usecase2' } }, Permissions: ['SELECT'] }),
    );
    await expect(notReceived).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('shows the grant, with its RAM share, to the owner catalog admin in ListPermissions', async () => {
    const PrincipalResourcePermissions = await grantsTo(meshAdmin.lf, CONSUMER);
    expect(PrincipalResourcePermissions).toHaveLength(1);
    expect(PrincipalResourcePermissions[0]).toMatchObject({
      Resource: { Table: { CatalogId: MESH, DatabaseName: MESH_DB, Name: 'usecase1' } },
      Permissions: ['DESCRIBE', 'SELECT'],
      PermissionsWithGrantOption: ['DESCRIBE', 'SELECT'],
    });
    expect(PrincipalResourcePermissions[0]!.AdditionalDetails?.ResourceShare?.[0]).toMatch(/^arn:aws:ram:us-east-1:555555555555:resource-share\//);
  });

  it('adds later grants to the accepted share without a new invitation, and removes the resource when its last grant goes', async () => {
    const usecase2 = { ...usecase1, Name: 'usecase2' };
    await producerInMesh.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: usecase2 }, Permissions: ['SELECT'] }));
    const { resourceShareInvitations } = await consumer.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(resourceShareInvitations).toHaveLength(1);
    expect((await consumer.glue.send(new GetTableCommand(usecase2))).Table?.Name).toBe('usecase2');

    await producerInMesh.lf.send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: usecase2 }, Permissions: ['SELECT'] }));
    await expect(consumer.glue.send(new GetTableCommand(usecase2))).rejects.toBeInstanceOf(AccessDeniedException);
    const { resources } = await meshAdmin.ram.send(new ListResourcesCommand({ resourceOwner: 'SELF' }));
    expect(resources?.map((r) => r.arn)).toEqual([`arn:aws:glue:us-east-1:${MESH}:table/${MESH_DB}/usecase1`]);
  });

  it('refuses a producer role a grant on a mesh database it holds nothing on', async () => {
    await createTables(meshAdmin.glue, 'hr-222222222222', ['salaries']);
    const grant = producerInMesh.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: { DatabaseName: 'hr-222222222222', Name: 'salaries' } }, Permissions: ['SELECT'] }),
    );
    await expect(grant).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
  });
});

describe('revoking everything shared with an account', () => {
  it('deletes the share: the link no longer resolves, and the next grant sends a new invitation', async () => {
    await producerInMesh.lf.send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: usecase1 }, Permissions: ['SELECT', 'DESCRIBE'] }));

    await expect(consumer.glue.send(new GetTableCommand(usecase1))).rejects.toBeInstanceOf(AccessDeniedException);
    const link = await consumer.glue.send(new GetTableCommand({ DatabaseName: 'mesh_products', Name: 'usecase1_link' }));
    expect(link.Table?.TargetTable).toEqual(usecase1);
    expect(link.Table?.StorageDescriptor).toBeUndefined();
    const { resourceShares } = await meshAdmin.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(resourceShares?.map((s) => s.status)).toEqual(['DELETED']);

    await producerInMesh.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: usecase1 }, Permissions: ['SELECT'] }));
    const { resourceShareInvitations } = await consumer.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(resourceShareInvitations?.map((i) => i.status)).toEqual(['ACCEPTED', 'PENDING']);
    await expect(consumer.glue.send(new GetTableCommand(usecase1))).rejects.toBeInstanceOf(AccessDeniedException);
  });
});

describe('an invitation nobody answers', () => {
  it('expires 12 hours after it was sent, and the share stays unusable', async () => {
    const producer = pool.as('producer');
    await meshAdmin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: PRODUCER }, Resource: { Table: { ...usecase1, Name: 'usecase2' } }, Permissions: ['DESCRIBE'] }));
    const before = await producer.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(before.resourceShareInvitations?.map((i) => i.status)).toEqual(['PENDING']);

    await advanceClock(emu, 12 * 60 * 60);

    const after = await producer.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(after.resourceShareInvitations?.map((i) => i.status)).toEqual(['EXPIRED']);
    const accept = producer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: after.resourceShareInvitations![0]!.resourceShareInvitationArn }));
    await expect(accept).rejects.toBeInstanceOf(ResourceShareInvitationExpiredException);
    await expect(producer.glue.send(new GetTableCommand({ ...usecase1, Name: 'usecase2' }))).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('is replaced by a new invitation when the owner grants again', async () => {
    const producer = pool.as('producer');
    await meshAdmin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: PRODUCER }, Resource: { Table: { ...usecase1, Name: 'usecase2' } }, Permissions: ['SELECT'] }));
    const { resourceShareInvitations } = await producer.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(resourceShareInvitations?.map((i) => i.status)).toEqual(['EXPIRED', 'PENDING']);
  });
});
