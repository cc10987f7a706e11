import { AccessDeniedException, CreateDatabaseCommand, CreateTableCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { AccessDeniedException as LfAccessDeniedException, GetDataLakeSettingsCommand, GrantPermissionsCommand, PutDataLakeSettingsCommand } from '@aws-sdk/client-lakeformation';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_PRODUCER_DATABASE, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool, type ServiceClients } from '../cross-account/service-clients';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole } from '../test-roles';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;

let emu: TestEmulator;
let pool: ClientPool;
let consumerRole: ServiceClients;
let producerInMesh: ServiceClients;

beforeAll(async () => {
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  consumerRole = pool.as(await emu.assumeRole(SANDBOX_ROLE_ARNS.consumer, { sessionName: 'import-1' }));
  producerInMesh = pool.as(await emu.assumeRole(SANDBOX_ROLE_ARNS.producerInMesh, { sessionName: 'publish-1' }));
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe('identity policies, as the CDK app deploys them', () => {
  it('refuses MeshbotConsumer PutDataLakeSettings with the AWS message (no identity-based policy allows it)', async () => {
    const { DataLakeSettings } = await consumerRole.lf.send(new GetDataLakeSettingsCommand({}));
    const refused = await failure(consumerRole.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings })));
    expect(refused).toBeInstanceOf(LfAccessDeniedException);
    expect(refused.$metadata.httpStatusCode).toBe(403);
    expect(refused.message).toBe(
      `User: arn:aws:sts::${CONSUMER}:assumed-role/MeshbotConsumer/import-1 is not authorized to perform: lakeformation:PutDataLakeSettings on resource: arn:aws:lakeformation:us-east-1:${CONSUMER}:catalog:${CONSUMER} because no identity-based policy allows the lakeformation:PutDataLakeSettings action`,
    );
    expect(emu.controls.calls.list({ operation: 'PutDataLakeSettings' }).at(-1)).toMatchObject({ outcome: 'AccessDeniedException', roleName: 'MeshbotConsumer' });
  });

  it("lets MeshbotProducer-<producer> create tables in the mesh catalog, and refuses it in the producer's catalog", async () => {
    await producerInMesh.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'iam_products' } }));
    await producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'iam_products', TableInput: { Name: 'orders' } }));
    expect((await producerInMesh.glue.send(new GetTableCommand({ DatabaseName: 'iam_products', Name: 'orders' }))).Table?.Name).toBe('orders');

    const elsewhere = await failure(producerInMesh.glue.send(new CreateTableCommand({ CatalogId: PRODUCER, DatabaseName: SANDBOX_PRODUCER_DATABASE, TableInput: { Name: 'intruder' } })));
    expect(elsewhere).toBeInstanceOf(AccessDeniedException);
    // Glue checks the catalog first, and answers AccessDeniedException with HTTP 400.
    expect(elsewhere.$metadata.httpStatusCode).toBe(400);
    expect(elsewhere.message).toBe(
      `User: arn:aws:sts::${MESH}:assumed-role/MeshbotProducer-${PRODUCER}/publish-1 is not authorized to perform: glue:CreateTable on resource: arn:aws:glue:us-east-1:${PRODUCER}:catalog because no identity-based policy allows the glue:CreateTable action`,
    );
  });

  it('lets the admin users do everything (AdministratorAccess)', async () => {
    const admin = pool.as('consumer');
    const { DataLakeSettings } = await admin.lf.send(new GetDataLakeSettingsCommand({}));
    await admin.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings }));
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'admin_db' } }));
    await admin.glue.send(new CreateTableCommand({ DatabaseName: 'admin_db', TableInput: { Name: 't' } }));
  });

  it('names an explicit deny as such', async () => {
    const arn = addRole(emu, MESH, 'Denied', [
      { Effect: 'Allow', Action: 'glue:*', Resource: '*' },
      { Effect: 'Deny', Action: 'glue:GetTable', Resource: `arn:aws:glue:us-east-1:${MESH}:table/iam_products/*` },
    ]);
    const denied = pool.as(await emu.assumeRole(arn, { as: 'mesh', sessionName: 'deny-test' }));
    const refused = await failure(denied.glue.send(new GetTableCommand({ DatabaseName: 'iam_products', Name: 'orders' })));
    expect(refused.message).toBe(
      `User: arn:aws:sts::${MESH}:assumed-role/Denied/deny-test is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:${MESH}:table/iam_products/orders with an explicit deny in an identity-based policy`,
    );
  });

  it("evaluates conditions: MeshbotConsumer accepts the mesh account's invitations, not another account's (ram:ShareOwnerAccountId)", async () => {
    // The producer account shares a table of its own with the consumer account (its admin may).
    await pool.as('producer').lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: { DatabaseName: SANDBOX_PRODUCER_DATABASE, TableWildcard: {} } }, Permissions: ['DESCRIBE'] }),
    );
    const { resourceShareInvitations } = await consumerRole.ram.send(new GetResourceShareInvitationsCommand({}));
    const invitation = resourceShareInvitations?.find((i) => i.senderAccountId === PRODUCER)?.resourceShareInvitationArn ?? '';
    expect(invitation).toMatch(/^arn:aws:ram:us-east-1:111111111111:resource-share-invitation\//);
    const refused = await failure(consumerRole.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation })));
    expect(refused.name).toBe('AccessDeniedException');
    expect(refused.message).toBe(
      `User: arn:aws:sts::${CONSUMER}:assumed-role/MeshbotConsumer/import-1 is not authorized to perform: ram:AcceptResourceShareInvitation on resource: ${invitation} because no identity-based policy allows the ram:AcceptResourceShareInvitation action`,
    );
    // The account's admin may accept it.
    await pool.as('consumer').ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation }));
  });

  it('refuses MeshbotMeshReadOnly any write: its policy only reads the mesh catalog', async () => {
    const readOnly = pool.as(await emu.assumeRole(SANDBOX_ROLE_ARNS.meshReadOnly, { sessionName: 'read-1' }));
    const refused = await failure(readOnly.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'nope' } })));
    expect(refused.message).toBe(
      `User: arn:aws:sts::${MESH}:assumed-role/MeshbotMeshReadOnly/read-1 is not authorized to perform: glue:CreateDatabase on resource: arn:aws:glue:us-east-1:${MESH}:catalog because no identity-based policy allows the glue:CreateDatabase action`,
    );
  });
});
