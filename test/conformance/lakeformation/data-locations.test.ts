import { CreateDatabaseCommand, CreateTableCommand, DeleteDatabaseCommand, GetDatabaseCommand, GlueClient, type TableInput } from '@aws-sdk/client-glue';
import {
  DeregisterResourceCommand,
  DescribeResourceCommand,
  GrantPermissionsCommand,
  LakeFormationClient,
  ListPermissionsCommand,
  ListResourcesCommand,
  RegisterResourceCommand,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand, RAMClient } from '@aws-sdk/client-ram';
import { CreateBucketCommand, type CreateBucketCommandInput, DeleteBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answerBook, answerOf } from '../support/answer-book';
import { type ConformanceTarget, startConformanceTarget } from '../support/conformance-target';

/**
 * Lake Formation data lake locations and data location permissions as the Lake Formation developer
 * guide and API reference describe them: "Adding an Amazon S3 location to your data lake" and
 * "Registering an Amazon S3 location" (RegisterResource, DescribeResource, ListResources,
 * DeregisterResource and their errors in the API reference), "Underlying data access control" and
 * "Granting data location permissions" (same account, external account: DATA_LOCATION_ACCESS on a
 * registered location, no RAM), and the troubleshooting entry "Insufficient Lake Formation permissions
 * on <Amazon S3 location>": creating a Data Catalog table that points into a registered location needs
 * data location permission on it. Each case names its source.
 *
 * The mesh account registers a location in a bucket of its own and owns a database; the producer
 * account, given CREATE_TABLE on that database, creates tables in the mesh catalog, refused and then
 * allowed once the mesh grants it the location. Where the documents give no error code, only the
 * refusal is asserted and the answer is left to the recorded AWS answers. Everything is removed at the end.
 */

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
let meshS3: S3Client;
let meshLf: LakeFormationClient;
let meshGlue: GlueClient;
let producerGlue: GlueClient;
let producerRam: RAMClient;
let bucket = '';
let database = '';
let locationArn = '';
let locationUri = '';
let registered = false;

/** The mesh's read-only Meshbot role: an IAM principal of the mesh account that exists in every target. */
function meshPrincipal(): string {
  return `arn:aws:iam::${target.accounts.mesh}:role/MeshbotMeshReadOnly`;
}

function dataLocation(resourceArn: string, catalogId?: string): Resource {
  return { DataLocation: { ResourceArn: resourceArn, ...(catalogId === undefined ? {} : { CatalogId: catalogId }) } };
}

function table(name: string, location: string): TableInput {
  return { Name: name, TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }], Location: location } };
}

function createBucketInput(name: string): CreateBucketCommandInput {
  return target.region === 'us-east-1' ? { Bucket: name } : { Bucket: name, CreateBucketConfiguration: { LocationConstraint: target.region as never } };
}

/** Ask again for a while on AWS, whose grants and shares take effect eventually; the sandbox answers at once. */
async function settled(call: () => Promise<unknown>): Promise<Answer> {
  const deadline = Date.now() + (target.kind === 'aws' ? 60_000 : 0);
  for (;;) {
    const answer = await answerOf(call());
    if (answer.ok || Date.now() >= deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'lakeformation-data-locations');
  meshS3 = new S3Client({ ...target.as('mesh'), forcePathStyle: true });
  meshLf = new LakeFormationClient(target.as('mesh'));
  meshGlue = new GlueClient(target.as('mesh'));
  producerGlue = new GlueClient(target.as('producer'));
  producerRam = new RAMClient(target.as('producer'));
  bucket = target.name('lake').replaceAll('_', '-');
  database = target.name('located');
  locationArn = `arn:aws:s3:::${bucket}/data`;
  locationUri = `s3://${bucket}/data`;
  await meshS3.send(new CreateBucketCommand(createBucketInput(bucket)));
  await meshGlue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } }));
});

afterAll(async () => {
  await meshGlue.send(new DeleteDatabaseCommand({ Name: database })).catch(() => undefined);
  if (registered) await meshLf.send(new DeregisterResourceCommand({ ResourceArn: locationArn })).catch(() => undefined);
  await meshS3.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
  book.save();
  for (const client of [meshS3, meshLf, meshGlue, producerGlue, producerRam]) client.destroy();
  await target.close();
});

describe('registering a location', () => {
  it("registers an Amazon S3 location with Lake Formation's service-linked role (RegisterResource)", async () => {
    const answer = await answerOf(meshLf.send(new RegisterResourceCommand({ ResourceArn: locationArn, UseServiceLinkedRole: true })));
    expect(answer).toEqual({ ok: true });
    registered = answer.ok;
    book.check('register', answer);
  });

  it('refuses registering it again: AlreadyExistsException (RegisterResource, Errors)', async () => {
    const answer = await answerOf(meshLf.send(new RegisterResourceCommand({ ResourceArn: locationArn, UseServiceLinkedRole: true })));
    expect(answer).toMatchObject({ ok: false, code: 'AlreadyExistsException' });
    book.check('register-again', answer);
  });

  it('refuses a registration with neither RoleArn nor UseServiceLinkedRole (RegisterResource: "you must provide or set the RoleArn")', async () => {
    const answer = await answerOf(meshLf.send(new RegisterResourceCommand({ ResourceArn: `arn:aws:s3:::${bucket}/no-role` })));
    expect(answer).toMatchObject({ ok: false, code: 'InvalidInputException' });
    book.check('register-without-role', answer);
  });

  it('describes it with the service-linked role and lists it (DescribeResource, ListResources)', async () => {
    const { ResourceInfo } = await meshLf.send(new DescribeResourceCommand({ ResourceArn: locationArn }));
    expect(ResourceInfo?.ResourceArn).toBe(locationArn);
    expect(ResourceInfo?.RoleArn).toContain('AWSServiceRoleForLakeFormationDataAccess');
    const listed: string[] = [];
    let token: string | undefined;
    do {
      const page = await meshLf.send(new ListResourcesCommand({ NextToken: token }));
      listed.push(...(page.ResourceInfoList ?? []).map((r) => r.ResourceArn ?? ''));
      token = page.NextToken;
    } while (token !== undefined);
    expect(listed).toContain(locationArn);
  });

  it('answers EntityNotFoundException for a location never registered (DescribeResource, DeregisterResource, Errors)', async () => {
    const describe = await answerOf(meshLf.send(new DescribeResourceCommand({ ResourceArn: `arn:aws:s3:::${bucket}/never` })));
    expect(describe).toMatchObject({ ok: false, code: 'EntityNotFoundException' });
    book.check('describe-unregistered', describe);
    const deregister = await answerOf(meshLf.send(new DeregisterResourceCommand({ ResourceArn: `arn:aws:s3:::${bucket}/never` })));
    expect(deregister).toMatchObject({ ok: false, code: 'EntityNotFoundException' });
    book.check('deregister-unregistered', deregister);
  });
});

describe('data location permissions', () => {
  it('grants DATA_LOCATION_ACCESS on the registered location to a principal of the account (Granting data location permissions, same account)', async () => {
    const answer = await answerOf(meshLf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: meshPrincipal() }, Resource: dataLocation(locationArn), Permissions: ['DATA_LOCATION_ACCESS'] })));
    expect(answer).toEqual({ ok: true });
    book.check('grant-same-account', answer);
    const { PrincipalResourcePermissions } = await meshLf.send(new ListPermissionsCommand({ ResourceType: 'DATA_LOCATION', Resource: dataLocation(locationArn) }));
    expect(PrincipalResourcePermissions?.some((p) => p.Principal?.DataLakePrincipalIdentifier === meshPrincipal() && p.Permissions?.includes('DATA_LOCATION_ACCESS'))).toBe(true);
  });

  it('refuses other permissions on a location (permissions reference: a location takes DATA_LOCATION_ACCESS)', async () => {
    // The documents give no error code for this refusal.
    const answer = await answerOf(meshLf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: meshPrincipal() }, Resource: dataLocation(locationArn), Permissions: ['SELECT'] })));
    expect(answer.ok).toBe(false);
    book.check('grant-select-on-location', answer);
  });

  it('refuses a grant on a location that is not registered ("For a grant to succeed, you must first register the data location")', async () => {
    // The documents give no error code for this refusal.
    const answer = await answerOf(
      meshLf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: meshPrincipal() }, Resource: dataLocation(`arn:aws:s3:::${bucket}-unregistered`), Permissions: ['DATA_LOCATION_ACCESS'] })),
    );
    expect(answer.ok).toBe(false);
    book.check('grant-unregistered', answer);
  });
});

describe('creating tables in a registered location', () => {
  beforeAll(async () => {
    // The producer account may create tables in the mesh's database (a cross-account grant, shared through RAM).
    await meshLf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: target.accounts.producer }, Resource: { Database: { Name: database } }, Permissions: ['CREATE_TABLE', 'DESCRIBE'] }));
    // RAM shares asynchronously; outside an Organization the share comes as an invitation the producer accepts.
    const deadline = Date.now() + (target.kind === 'aws' ? 180_000 : 20_000);
    for (;;) {
      const { resourceShareInvitations } = await producerRam.send(new GetResourceShareInvitationsCommand({}));
      for (const invitation of resourceShareInvitations ?? []) {
        if (invitation.status === 'PENDING' && invitation.senderAccountId === target.accounts.mesh) {
          await producerRam.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation.resourceShareInvitationArn }));
        }
      }
      const visible = await answerOf(producerGlue.send(new GetDatabaseCommand({ CatalogId: target.accounts.mesh, Name: database })));
      if (visible.ok || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });

  it('lets the producer create a table outside any registered location (the rule concerns registered locations)', async () => {
    const answer = await settled(() => producerGlue.send(new CreateTableCommand({ CatalogId: target.accounts.mesh, DatabaseName: database, TableInput: table('outside', `s3://${bucket}/elsewhere/`) })));
    expect(answer).toEqual({ ok: true });
    book.check('create-table-outside-registered', answer);
  });

  it('refuses a table inside the registered location without data location permission (troubleshooting: "Insufficient Lake Formation permissions on <Amazon S3 location>")', async () => {
    const answer = await answerOf(producerGlue.send(new CreateTableCommand({ CatalogId: target.accounts.mesh, DatabaseName: database, TableInput: table('inside', `${locationUri}/inside/`) })));
    expect(answer).toMatchObject({ ok: false, code: 'AccessDeniedException' });
    if (!answer.ok) expect(answer.message).toContain(`Insufficient Lake Formation permission(s) on ${locationUri}/inside/`);
    book.check('create-table-inside-without-permission', answer);
  });

  it('allows it once the mesh grants the producer account the location, with the grant option (Granting data location permissions, external account)', async () => {
    const grant = await answerOf(
      meshLf.send(
        new GrantPermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: target.accounts.producer },
          Resource: dataLocation(locationArn),
          Permissions: ['DATA_LOCATION_ACCESS'],
          PermissionsWithGrantOption: ['DATA_LOCATION_ACCESS'],
        }),
      ),
    );
    expect(grant).toEqual({ ok: true });
    book.check('grant-external-account', grant);
    const answer = await settled(() => producerGlue.send(new CreateTableCommand({ CatalogId: target.accounts.mesh, DatabaseName: database, TableInput: table('inside', `${locationUri}/inside/`) })));
    expect(answer).toEqual({ ok: true });
    book.check('create-table-inside-with-permission', answer);
  });
});
