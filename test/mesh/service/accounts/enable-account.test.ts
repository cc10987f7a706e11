import { GetDataLakeSettingsCommand, GrantPermissionsCommand, PutDataLakeSettingsCommand, RevokePermissionsCommand, type DataLakeSettings } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerStatements } from '../../../../infra/role-permissions';
import { assumableRoleArns, assumeMeshbotRolesStatement, policyDocumentJson } from '../../../../infra/role-trust';
import { ROLE_NAMES, roleArn } from '../../../../src/mesh/domain/account-roles';
import { AccountNotReadyError, NotAuthorizedError } from '../../../../src/mesh/errors';
import { enableAccount } from '../../../../src/mesh/service/accounts/enable-account';
import { listAccounts } from '../../../../src/mesh/service/accounts/list-accounts';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool, type ServiceClients } from '../../../sandbox/aws/cross-account/service-clients';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;

let world: MeshWorld;
let pool: ClientPool;
let producerAdmin: ServiceClients;

beforeAll(async () => {
  world = await startMeshWorld();
  pool = clientPool(world.emu);
  producerAdmin = pool.as('producer');
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

/** Change the producer's data lake settings as its admin user, keeping the rest as they are. */
async function changeProducerSettings(change: (settings: DataLakeSettings) => DataLakeSettings): Promise<void> {
  const { DataLakeSettings: current } = await producerAdmin.lf.send(new GetDataLakeSettingsCommand({}));
  await producerAdmin.lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings: change(current!) }));
}

const enable = (accountId: string, as: 'producer' | 'consumer', user = USERS.ada) => enableAccount(world.deps, world.ctx(user), { accountId, as });

describe('enableAccount', () => {
  it('refuses a user who is not a mesh admin', async () => {
    await expect(enableAccount(world.deps, world.ctx(USERS.pat), { accountId: PRODUCER, as: 'producer' })).rejects.toBeInstanceOf(NotAuthorizedError);
    expect(await world.deps.stores.accounts.get(PRODUCER)).toBeUndefined();
  });

  it('refuses an account whose cross-account version is 2, naming the setting, and records nothing', async () => {
    await changeProducerSettings((s) => ({ ...s, Parameters: { ...s.Parameters, CROSS_ACCOUNT_VERSION: '2' } }));
    try {
      await enable(PRODUCER, 'producer');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AccountNotReadyError);
      expect((error as AccountNotReadyError).missing).toEqual([
        'Lake Formation cross-account version (CROSS_ACCOUNT_VERSION) is 2; set it to 3 or 4 in the data lake settings of 111111111111',
      ]);
    }
    expect(await world.deps.stores.accounts.get(PRODUCER)).toBeUndefined();
  });

  it('names every missing setting: the version and the Meshbot role no longer a data lake admin', async () => {
    await changeProducerSettings((s) => ({ ...s, DataLakeAdmins: s.DataLakeAdmins?.filter((a) => a.DataLakePrincipalIdentifier !== SANDBOX_ROLE_ARNS.producer) }));
    await expect(enable(PRODUCER, 'producer')).rejects.toMatchObject({
      missing: [expect.stringContaining('CROSS_ACCOUNT_VERSION) is 2'), `role MeshbotProducer (${SANDBOX_ROLE_ARNS.producer}) is not a data lake administrator of 111111111111`],
    });
    await changeProducerSettings((s) => ({
      ...s,
      DataLakeAdmins: [...(s.DataLakeAdmins ?? []), { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producer }],
      Parameters: { ...s.Parameters, CROSS_ACCOUNT_VERSION: '4' },
    }));
  });

  it("names a producer's mesh role that may not create databases in the mesh catalog, and records nothing", async () => {
    const mesh = pool.as('mesh');
    const grant = { Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource: { Catalog: {} }, Permissions: ['CREATE_DATABASE' as const] };
    await mesh.lf.send(new RevokePermissionsCommand(grant));
    try {
      await expect(enable(PRODUCER, 'producer')).rejects.toMatchObject({
        missing: [`role MeshbotProducer-${PRODUCER} of the mesh account ${SANDBOX_ACCOUNTS.mesh.id} may not create databases in the mesh catalog (CREATE_DATABASE); deploy the producer's mesh role stack`],
      });
      expect(await world.deps.stores.accounts.get(PRODUCER)).toBeUndefined();
    } finally {
      await mesh.lf.send(new GrantPermissionsCommand(grant));
    }
  });

  it('records a ready producer account (version 1), through its Meshbot roles as the admin', async () => {
    world.emu.controls.calls.clear();
    const { account, changed } = await enable(PRODUCER, 'producer');

    expect(changed).toBe(true);
    expect(account).toMatchObject({ accountId: PRODUCER, producer: true, consumer: false, crossAccountVersion: 4, enabledBy: USERS.ada, version: 1 });
    expect(await world.deps.stores.accounts.get(PRODUCER)).toEqual(account);
    const calls = world.emu.controls.calls.list().filter((c) => c.service !== 'sts');
    expect(calls.map((c) => [c.accountId, c.roleName, c.operation, c.sourceIdentity])).toEqual([
      [PRODUCER, 'MeshbotProducer', 'GetDataLakeSettings', USERS.ada.userId],
      [SANDBOX_ACCOUNTS.mesh.id, 'MeshbotMeshAdmin', 'ListPermissions', USERS.ada.userId],
    ]);
  });

  it('changes nothing when the account is enabled again for the same role', async () => {
    expect(await enable(PRODUCER, 'producer')).toMatchObject({ changed: false, account: { version: 1 } });
  });

  it('lists what it cannot check: a role that cannot be assumed is missing', async () => {
    await expect(enable(PRODUCER, 'consumer')).rejects.toMatchObject({ missing: [expect.stringMatching(/^AWS refused to read the data lake settings of account 111111111111 \(as MeshbotConsumer/)] });
    expect(await world.deps.stores.accounts.get(PRODUCER)).toMatchObject({ consumer: false, version: 1 });
  });

  it('adds the other role to an enabled account once its role is deployed (version 2)', async () => {
    // What deploying the consumer stack in the producer account does (the account listed in
    // consumerAccountIds too): the role with the consumer policy for this account, made a data lake
    // admin, and MeshbotBot (mesh stack redeployed) allowed to assume it.
    const name = ROLE_NAMES.consumer;
    const site = { region: SANDBOX_REGION, meshAccountId: SANDBOX_ACCOUNTS.mesh.id };
    const consumerRole = world.emu.world.accounts[CONSUMER]!.roles[name]!;
    world.emu.world.accounts[PRODUCER]!.roles[name] = {
      ...consumerRole,
      arn: roleArn(PRODUCER, name),
      policies: { MeshbotPermissions: policyDocumentJson(consumerStatements({ ...site, accountId: PRODUCER })) },
    };
    const assumable = assumableRoleArns({ meshAccountId: site.meshAccountId, producerAccountIds: [PRODUCER], consumerAccountIds: [CONSUMER, PRODUCER] });
    world.emu.world.accounts[site.meshAccountId]!.roles[ROLE_NAMES.bot]!.policies = { AssumeMeshbotRoles: policyDocumentJson([assumeMeshbotRolesStatement(assumable)]) };
    await changeProducerSettings((s) => ({ ...s, DataLakeAdmins: [...(s.DataLakeAdmins ?? []), { DataLakePrincipalIdentifier: roleArn(PRODUCER, name) }] }));

    const { account } = await enable(PRODUCER, 'consumer');

    expect(account).toMatchObject({ producer: true, consumer: true, version: 2, enabledBy: USERS.ada });
  });

  it('enables a consumer account and lists every enabled account to a mesh admin', async () => {
    await enable(CONSUMER, 'consumer');
    const accounts = await listAccounts(world.deps, world.ctx(USERS.ada));
    expect(accounts.map((a) => [a.accountId, a.producer, a.consumer])).toEqual([
      [PRODUCER, true, true],
      [CONSUMER, false, true],
    ]);
  });

  it('refuses the list of accounts to anyone but a mesh admin', async () => {
    await expect(listAccounts(world.deps, world.ctx(USERS.casey))).rejects.toMatchObject({ code: 'mesh_not_authorized', reason: 'not_mesh_admin' });
  });
});
