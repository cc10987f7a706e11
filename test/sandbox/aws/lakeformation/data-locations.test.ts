import { CreateDatabaseCommand, CreateTableCommand, UpdateTableCommand, type TableInput } from '@aws-sdk/client-glue';
import {
  BatchGrantPermissionsCommand,
  BatchRevokePermissionsCommand,
  DeregisterResourceCommand,
  DescribeResourceCommand,
  GrantPermissionsCommand,
  ListPermissionsCommand,
  ListResourcesCommand,
  RegisterResourceCommand,
  RevokePermissionsCommand,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorldSchema } from '../../../../src/sandbox/aws/world';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool, type ServiceClients } from '../cross-account/service-clients';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';
import { addRole, DATA_USER_STATEMENTS } from '../test-roles';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
/** The producer's bucket, which the mesh account registers: mesh tables mirror producer tables' S3 locations. */
const PRODUCER_DATA = `arn:aws:s3:::producer-${PRODUCER}-telco/data`;
const DATA_URI = `s3://producer-${PRODUCER}-telco/data`;
const ROLE = `arn:aws:iam::${MESH}:role/LakeFormationDataAccess`;

let emu: TestEmulator;
let pool: ClientPool;
let admin: ServiceClients;
let producerInMesh: ServiceClients;

beforeAll(async () => {
  emu = await startTestEmulator();
  pool = clientPool(emu);
  admin = pool.as('mesh');
  producerInMesh = pool.as(await emu.assumeRole(SANDBOX_ROLE_ARNS.producerInMesh));
  // The grantees: Lake Formation refuses grants to IAM roles that do not exist.
  for (const name of ['LocationUser', 'BatchLocationUser']) addRole(emu, MESH, name, DATA_USER_STATEMENTS);
  await admin.lf.send(new RegisterResourceCommand({ ResourceArn: PRODUCER_DATA, RoleArn: ROLE }));
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

const location = (resourceArn: string, catalogId?: string): Resource => ({ DataLocation: { ResourceArn: resourceArn, ...(catalogId === undefined ? {} : { CatalogId: catalogId }) } });

function table(name: string, where: string | undefined): TableInput {
  return { Name: name, TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], ...(where === undefined ? {} : { Location: where }) } };
}

describe('RegisterResource, DescribeResource, ListResources, DeregisterResource', () => {
  it('registers a location with a role and describes it', async () => {
    const { ResourceInfo } = await admin.lf.send(new DescribeResourceCommand({ ResourceArn: PRODUCER_DATA }));
    expect(ResourceInfo).toMatchObject({ ResourceArn: PRODUCER_DATA, RoleArn: ROLE });
    expect(ResourceInfo?.LastModified).toBeInstanceOf(Date);
  });

  it('registers with the service-linked role', async () => {
    await admin.lf.send(new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-slr-bucket', UseServiceLinkedRole: true }));
    const { ResourceInfo } = await admin.lf.send(new DescribeResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-slr-bucket' }));
    expect(ResourceInfo?.RoleArn).toBe(`arn:aws:iam::${MESH}:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess`);
  });

  it('refuses a second registration of the location (AlreadyExistsException), a trailing slash aside', async () => {
    expect((await failure(admin.lf.send(new RegisterResourceCommand({ ResourceArn: PRODUCER_DATA, RoleArn: ROLE })))).name).toBe('AlreadyExistsException');
    expect((await failure(admin.lf.send(new RegisterResourceCommand({ ResourceArn: `${PRODUCER_DATA}/`, RoleArn: ROLE })))).name).toBe('AlreadyExistsException');
  });

  it('refuses a non-S3 ARN and a registration without a role (InvalidInputException)', async () => {
    expect((await failure(admin.lf.send(new RegisterResourceCommand({ ResourceArn: 'arn:aws:glue:us-east-1:555555555555:database/x', RoleArn: ROLE })))).name).toBe('InvalidInputException');
    expect((await failure(admin.lf.send(new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-no-role' })))).name).toBe('InvalidInputException');
  });

  it('lets only data lake administrators register and deregister (AccessDeniedException)', async () => {
    const refused = await failure(producerInMesh.lf.send(new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-not-admin', RoleArn: ROLE })));
    expect(refused.name).toBe('AccessDeniedException');
    expect(refused.$metadata.httpStatusCode).toBe(403);
    expect((await failure(producerInMesh.lf.send(new DeregisterResourceCommand({ ResourceArn: PRODUCER_DATA })))).name).toBe('AccessDeniedException');
  });

  it("lists the account's registrations a page at a time, and only its own", async () => {
    await admin.lf.send(new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-paged-1', RoleArn: ROLE }));
    const first = await admin.lf.send(new ListResourcesCommand({ MaxResults: 2 }));
    expect(first.ResourceInfoList).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const rest = await admin.lf.send(new ListResourcesCommand({ NextToken: first.NextToken }));
    expect([...(first.ResourceInfoList ?? []), ...(rest.ResourceInfoList ?? [])].map((r) => r.ResourceArn)).toEqual([PRODUCER_DATA, 'arn:aws:s3:::mesh-slr-bucket', 'arn:aws:s3:::mesh-paged-1']);
    expect((await pool.as('consumer').lf.send(new ListResourcesCommand({}))).ResourceInfoList).toEqual([]);
  });

  it('deregisters; describing or deregistering an unregistered location is EntityNotFoundException', async () => {
    await admin.lf.send(new DeregisterResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-paged-1' }));
    expect((await failure(admin.lf.send(new DescribeResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-paged-1' })))).name).toBe('EntityNotFoundException');
    expect((await failure(admin.lf.send(new DeregisterResourceCommand({ ResourceArn: 'arn:aws:s3:::mesh-paged-1' })))).name).toBe('EntityNotFoundException');
  });
});

describe('DATA_LOCATION_ACCESS grants', () => {
  it('grants DATA_LOCATION_ACCESS on a registered location (and a path under it), listed as DATA_LOCATION', async () => {
    const principal = `arn:aws:iam::${MESH}:role/LocationUser`;
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: location(PRODUCER_DATA), Permissions: ['DATA_LOCATION_ACCESS'] }));
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: location(`${PRODUCER_DATA}/orders`), Permissions: ['DATA_LOCATION_ACCESS'] }));
    const { PrincipalResourcePermissions } = await admin.lf.send(new ListPermissionsCommand({ ResourceType: 'DATA_LOCATION' }));
    expect(PrincipalResourcePermissions?.filter((p) => p.Principal?.DataLakePrincipalIdentifier === principal).map((p) => [p.Resource, p.Permissions])).toEqual([
      [{ DataLocation: { CatalogId: MESH, ResourceArn: PRODUCER_DATA } }, ['DATA_LOCATION_ACCESS']],
      [{ DataLocation: { CatalogId: MESH, ResourceArn: `${PRODUCER_DATA}/orders` } }, ['DATA_LOCATION_ACCESS']],
    ]);
    const filtered = await admin.lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: location(`${PRODUCER_DATA}/orders`) }));
    expect(filtered.PrincipalResourcePermissions?.length).toBeGreaterThan(0);
  });

  it('refuses other permissions on a location, and DATA_LOCATION_ACCESS on a table (InvalidInputException)', async () => {
    const principal = { DataLakePrincipalIdentifier: `arn:aws:iam::${MESH}:role/LocationUser` };
    expect((await failure(admin.lf.send(new GrantPermissionsCommand({ Principal: principal, Resource: location(PRODUCER_DATA), Permissions: ['SELECT'] })))).name).toBe('InvalidInputException');
    expect((await failure(admin.lf.send(new GrantPermissionsCommand({ Principal: principal, Resource: location(PRODUCER_DATA), Permissions: ['ALL'] })))).name).toBe('InvalidInputException');
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'dla_misplaced' } }));
    const onDatabase = await failure(admin.lf.send(new GrantPermissionsCommand({ Principal: principal, Resource: { Database: { Name: 'dla_misplaced' } }, Permissions: ['DATA_LOCATION_ACCESS'] })));
    expect(onDatabase.name).toBe('InvalidInputException');
  });

  it('refuses a grant on a location that is not registered (EntityNotFoundException)', async () => {
    const refused = await failure(
      admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::${MESH}:role/LocationUser` }, Resource: location('arn:aws:s3:::never-registered'), Permissions: ['DATA_LOCATION_ACCESS'] })),
    );
    expect(refused.name).toBe('EntityNotFoundException');
  });

  it('grants to an external account without RAM; its data lake admin passes it on with the owner catalog id', async () => {
    const sharesBefore = emu.world.resourceShares.length;
    await admin.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: CONSUMER }, Resource: location(PRODUCER_DATA), Permissions: ['DATA_LOCATION_ACCESS'], PermissionsWithGrantOption: ['DATA_LOCATION_ACCESS'] }),
    );
    expect(emu.world.resourceShares).toHaveLength(sharesBefore);
    const consumer = pool.as('consumer');
    await consumer.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.consumer }, Resource: location(PRODUCER_DATA, MESH), Permissions: ['DATA_LOCATION_ACCESS'] }),
    );
    const received = await consumer.lf.send(new ListPermissionsCommand({ CatalogId: MESH, ResourceType: 'DATA_LOCATION' }));
    expect(received.PrincipalResourcePermissions?.map((p) => p.Principal?.DataLakePrincipalIdentifier)).toEqual(expect.arrayContaining([CONSUMER, SANDBOX_ROLE_ARNS.consumer]));
    // Without the owner's CatalogId the location is looked up among the consumer's own registrations.
    const ownCatalog = await failure(consumer.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.consumer }, Resource: location(PRODUCER_DATA), Permissions: ['DATA_LOCATION_ACCESS'] })));
    expect(ownCatalog.name).toBe('EntityNotFoundException');
  });

  it('refuses passing on a location received without the grant option (AccessDeniedException)', async () => {
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: PRODUCER }, Resource: location(PRODUCER_DATA), Permissions: ['DATA_LOCATION_ACCESS'] }));
    const refused = await failure(
      pool.as('producer').lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producer }, Resource: location(PRODUCER_DATA, MESH), Permissions: ['DATA_LOCATION_ACCESS'] })),
    );
    expect(refused.name).toBe('AccessDeniedException');
  });

  it('grants and revokes in batches, and revokes singly', async () => {
    const principal = `arn:aws:iam::${MESH}:role/BatchLocationUser`;
    const entry = { Id: '1', Principal: { DataLakePrincipalIdentifier: principal }, Resource: location(PRODUCER_DATA), Permissions: ['DATA_LOCATION_ACCESS' as const] };
    const bad = { Id: '2', Principal: { DataLakePrincipalIdentifier: principal }, Resource: location('arn:aws:s3:::never-registered'), Permissions: ['DATA_LOCATION_ACCESS' as const] };
    const granted = await admin.lf.send(new BatchGrantPermissionsCommand({ Entries: [entry, bad] }));
    expect(granted.Failures?.map((f) => [f.RequestEntry?.Id, f.Error?.ErrorCode])).toEqual([['2', 'EntityNotFoundException']]);
    const revoked = await admin.lf.send(new BatchRevokePermissionsCommand({ Entries: [entry] }));
    expect(revoked.Failures).toEqual([]);
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: location(PRODUCER_DATA), Permissions: ['DATA_LOCATION_ACCESS'] }));
    await admin.lf.send(new RevokePermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: location(PRODUCER_DATA), Permissions: ['DATA_LOCATION_ACCESS'] }));
    const left = await admin.lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: location(PRODUCER_DATA) }));
    expect(left.PrincipalResourcePermissions).toEqual([]);
  });
});

describe('creating catalog objects in a registered location', () => {
  beforeAll(async () => {
    // The producer's mesh role may create databases in the mesh catalog (seed); it creates one without a location.
    await producerInMesh.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'mirror' } }));
  });

  it('refuses CreateTable inside the registered location without DATA_LOCATION_ACCESS', async () => {
    const refused = await failure(producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'mirror', TableInput: table('orders', `${DATA_URI}/orders/`) })));
    expect(refused.name).toBe('AccessDeniedException');
    expect(refused.message).toBe(`Insufficient Lake Formation permission(s) on ${DATA_URI}/orders/`);
  });

  it('allows tables outside registered locations, resource links, and data lake administrators', async () => {
    await producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'mirror', TableInput: table('elsewhere', `s3://producer-${PRODUCER}-telco/other/`) }));
    await producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'mirror', TableInput: { Name: 'link', TargetTable: { CatalogId: PRODUCER, DatabaseName: 'telco', Name: 'subscribers' } } }));
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'admin_mirror' } }));
    await admin.glue.send(new CreateTableCommand({ DatabaseName: 'admin_mirror', TableInput: table('orders', `${DATA_URI}/orders/`) }));
  });

  it('allows CreateTable with DATA_LOCATION_ACCESS on the location or a parent of it', async () => {
    await admin.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource: location(`${PRODUCER_DATA}/orders`), Permissions: ['DATA_LOCATION_ACCESS'] }),
    );
    await producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'mirror', TableInput: table('orders', `${DATA_URI}/orders/`) }));
    // A sibling path is not under the granted one.
    const sibling = await failure(producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'mirror', TableInput: table('orders_v2', `${DATA_URI}/orders_v2/`) })));
    expect(sibling.name).toBe('AccessDeniedException');
  });

  it('checks UpdateTable moving a table into the registered location', async () => {
    const refused = await failure(producerInMesh.glue.send(new UpdateTableCommand({ DatabaseName: 'mirror', TableInput: table('elsewhere', `${DATA_URI}/refunds/`) })));
    expect(refused.name).toBe('AccessDeniedException');
    await producerInMesh.glue.send(new UpdateTableCommand({ DatabaseName: 'mirror', TableInput: table('elsewhere', `${DATA_URI}/orders/elsewhere/`) }));
  });

  it('checks CreateDatabase with a LocationUri in the registered location; tables inside a database location need no grant', async () => {
    const refused = await failure(producerInMesh.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'located', LocationUri: `${DATA_URI}/calls/` } })));
    expect(refused.name).toBe('AccessDeniedException');
    expect(refused.message).toBe(`Insufficient Lake Formation permission(s) on ${DATA_URI}/calls/`);
    await admin.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'located', LocationUri: `${DATA_URI}/calls/` } }));
    await admin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource: { Database: { Name: 'located' } }, Permissions: ['CREATE_TABLE'] }));
    await producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'located', TableInput: table('calls', `${DATA_URI}/calls/2024/`) }));
  });

  it("concerns registrations of the catalog's account only", async () => {
    // A location the producer account registers does not govern tables created in the mesh catalog.
    await pool.as('producer').lf.send(new RegisterResourceCommand({ ResourceArn: `arn:aws:s3:::producer-${PRODUCER}-telco/staging`, UseServiceLinkedRole: true }));
    await producerInMesh.glue.send(new CreateTableCommand({ DatabaseName: 'mirror', TableInput: table('staging', `s3://producer-${PRODUCER}-telco/staging/`) }));
  });
});

describe('persisted worlds', () => {
  it('loads a world saved before buckets and data locations', () => {
    const { buckets: _buckets, dataLocations: _locations, ...older } = structuredClone(emu.world);
    const loaded = WorldSchema.parse(older);
    expect(loaded.buckets).toEqual({});
    expect(loaded.dataLocations).toEqual({});
  });
});
