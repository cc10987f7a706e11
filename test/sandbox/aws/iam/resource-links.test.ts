import { AccessDeniedException, CreateDatabaseCommand, CreateTableCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool, createTables, type ServiceClients } from '../cross-account/service-clients';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole } from '../test-roles';

/**
 * A call through a resource link is checked on the link and on its target ("Resource link handling in
 * AWS Glue APIs": both IAM and Lake Formation permissions on both). Two consumer-account roles hold the
 * same Lake Formation permissions; one's IAM policy reaches only its own catalog, the other's the mesh
 * catalog too.
 */

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const sales = { CatalogId: MESH, DatabaseName: 'products', Name: 'sales' };

let emu: TestEmulator;
let pool: ClientPool;
let linkOnly: ServiceClients;
let linkAndTarget: ServiceClients;

const readGlue = (catalogs: string[]) => [
  {
    Effect: 'Allow',
    Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables'],
    Resource: catalogs.flatMap((c) => [`arn:aws:glue:us-east-1:${c}:catalog`, `arn:aws:glue:us-east-1:${c}:database/*`, `arn:aws:glue:us-east-1:${c}:table/*/*`]),
  },
];

beforeAll(async () => {
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  const meshAdmin = pool.as('mesh');
  const consumerAdmin = pool.as('consumer');
  await createTables(meshAdmin.glue, 'products', ['sales']);
  await meshAdmin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: { Table: sales }, Permissions: ['DESCRIBE', 'SELECT'], PermissionsWithGrantOption: ['DESCRIBE', 'SELECT'] }));
  const { resourceShareInvitations } = await consumerAdmin.ram.send(new GetResourceShareInvitationsCommand({}));
  await consumerAdmin.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: resourceShareInvitations?.[0]?.resourceShareInvitationArn }));
  await consumerAdmin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'links' } }));
  await consumerAdmin.glue.send(new CreateTableCommand({ DatabaseName: 'links', TableInput: { Name: 'sales_link', TargetTable: sales } }));
  await consumerAdmin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'products_link', TargetDatabase: { CatalogId: MESH, DatabaseName: 'products' } } }));

  const roles = { LinkOnly: readGlue([CONSUMER]), LinkAndTarget: readGlue([CONSUMER, MESH]) };
  for (const [name, statements] of Object.entries(roles)) {
    const principal = { DataLakePrincipalIdentifier: addRole(emu, CONSUMER, name, statements) };
    await consumerAdmin.lf.send(new GrantPermissionsCommand({ Principal: principal, Resource: { Table: { DatabaseName: 'links', TableWildcard: {} } }, Permissions: ['DESCRIBE'] }));
    await consumerAdmin.lf.send(new GrantPermissionsCommand({ Principal: principal, Resource: { Database: { Name: 'products_link' } }, Permissions: ['DESCRIBE'] }));
    await consumerAdmin.lf.send(new GrantPermissionsCommand({ Principal: principal, Resource: { Table: sales }, Permissions: ['DESCRIBE', 'SELECT'] }));
  }
  linkOnly = pool.as(await emu.assumeRole(`arn:aws:iam::${CONSUMER}:role/LinkOnly`, { as: 'consumer', sessionName: 'reader' }));
  linkAndTarget = pool.as(await emu.assumeRole(`arn:aws:iam::${CONSUMER}:role/LinkAndTarget`, { as: 'consumer', sessionName: 'reader' }));
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe('IAM on resource links', () => {
  it('follows a table link for a caller whose IAM policy allows the target too', async () => {
    const { Table } = await linkAndTarget.glue.send(new GetTableCommand({ DatabaseName: 'links', Name: 'sales_link' }));
    expect(Table).toMatchObject({ Name: 'sales_link', TargetTable: sales });
    expect(Table?.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['id', 'value']);
  });

  it('answers the bare table link to a caller whose IAM policy does not allow the target', async () => {
    const { Table } = await linkOnly.glue.send(new GetTableCommand({ DatabaseName: 'links', Name: 'sales_link' }));
    expect(Table).toMatchObject({ Name: 'sales_link', TargetTable: sales });
    expect(Table?.StorageDescriptor).toBeUndefined();
  });

  it('refuses a read through a database link on the target, naming its catalog', async () => {
    const { Table } = await linkAndTarget.glue.send(new GetTableCommand({ DatabaseName: 'products_link', Name: 'sales' }));
    expect(Table?.Name).toBe('sales');
    const refused = await failure(linkOnly.glue.send(new GetTableCommand({ DatabaseName: 'products_link', Name: 'sales' })));
    expect(refused).toBeInstanceOf(AccessDeniedException);
    expect(refused.message).toBe(
      `User: arn:aws:sts::${CONSUMER}:assumed-role/LinkOnly/reader is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:${MESH}:catalog because no identity-based policy allows the glue:GetTable action`,
    );
  });

  it('refuses the target to another account when nothing is shared with it (no resource-based policy)', async () => {
    const producerAdmin = pool.as('producer');
    const refused = await failure(producerAdmin.glue.send(new GetTableCommand(sales)));
    expect(refused.message).toBe(
      `User: arn:aws:iam::${SANDBOX_ACCOUNTS.producer.id}:user/sandbox-admin is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:${MESH}:catalog because no resource-based policy allows the glue:GetTable action`,
    );
  });
});
