import { LakeFormationClient, ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerLocation } from '../../../src/mesh/aws/data-locations';
import { catalogPermissionsOf, grantLocationAccess, lakeFormationPermissions } from '../../../src/mesh/aws/lake-formation-permissions';
import { ROLE_NAMES } from '../../../src/mesh/domain/account-roles';
import type { GrantEntry } from '../../../src/mesh/domain/grant-entry';
import { SANDBOX_PRODUCER_BUCKET } from '../../../src/sandbox/seed/create-seed-world';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool, createTables } from '../../sandbox/aws/cross-account/service-clients';
import { startTestEmulator, type TestEmulator } from '../../sandbox/aws/start-test-emulator';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const RETRY = { policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, sleep: () => Promise.resolve(), random: () => 0.5 };

let emu: TestEmulator;
let pool: ClientPool;
let meshAdmin: LakeFormationClient;

/** DESCRIBE on a table of the mesh's `products` database for the mesh read-only role. */
const describeEntry = (table: string): GrantEntry => ({
  Id: `describe-${table}`,
  Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.meshReadOnly },
  Resource: { Table: { CatalogId: MESH, DatabaseName: 'products', Name: table } },
  Permissions: ['DESCRIBE'],
  PermissionsWithGrantOption: [],
});

beforeAll(async () => {
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  await createTables(pool.as('mesh').glue, 'products', ['t1']);
  meshAdmin = new LakeFormationClient(emu.clientConfig(await emu.assumeRole(SANDBOX_ROLE_ARNS.meshAdmin), { maxAttempts: 1 }));
});
afterEach(() => {
  emu.controls.faults.clear();
});
afterAll(async () => {
  meshAdmin.destroy();
  pool.destroy();
  await emu.close();
});

describe('the Lake Formation permissions adapter', () => {
  const site = () => ({ client: meshAdmin, roleName: ROLE_NAMES.meshAdmin, accountId: MESH, retry: RETRY });

  it('tells the executor what is held, retrying a throttled listing, and that nothing is held on a resource that is gone', async () => {
    const permissions = lakeFormationPermissions(meshAdmin, MESH, RETRY);
    expect(await permissions.holds(describeEntry('t1'))).toBe(false);
    expect(await permissions.apply('grant', [describeEntry('t1')])).toEqual([]);
    emu.controls.faults.add({ service: 'lakeformation', operation: 'ListPermissions', error: 'ThrottledException', count: 1 });

    expect(await permissions.holds(describeEntry('t1'))).toBe(true);
    expect(emu.controls.faults.list()).toEqual([]);
    expect(await permissions.holds(describeEntry('no_such_table'))).toBe(false);
    expect(emu.controls.calls.list({ operation: 'ListPermissions' }).at(-1)?.outcome).toBe('EntityNotFoundException');
  });

  it('grants DATA_LOCATION_ACCESS on a registered location, and lists what a principal holds on the catalog', async () => {
    const location = `arn:aws:s3:::${SANDBOX_PRODUCER_BUCKET}`;
    expect(await registerLocation(site(), location, `arn:aws:iam::${MESH}:role/${ROLE_NAMES.dataAccess}`)).toBe(true);
    expect(await registerLocation(site(), location, `arn:aws:iam::${MESH}:role/${ROLE_NAMES.dataAccess}`)).toBe(false);

    await grantLocationAccess(site(), location, SANDBOX_ROLE_ARNS.producerInMesh);

    const { PrincipalResourcePermissions } = await meshAdmin.send(
      new ListPermissionsCommand({ CatalogId: MESH, Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource: { DataLocation: { ResourceArn: location } } }),
    );
    expect(PrincipalResourcePermissions?.flatMap((r) => r.Permissions)).toEqual(['DATA_LOCATION_ACCESS']);
    expect(await catalogPermissionsOf(site(), MESH, SANDBOX_ROLE_ARNS.producerInMesh)).toEqual(['CREATE_DATABASE']);
  });
});
