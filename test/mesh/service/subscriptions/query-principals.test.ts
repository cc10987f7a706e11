import { GetTableCommand } from '@aws-sdk/client-glue';
import { ListPermissionsCommand, type Resource } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../../../src/mesh/domain/subscription';
import { AccountNotReadyError, InvalidInputError } from '../../../../src/mesh/errors';
import { enableAccount } from '../../../../src/mesh/service/accounts/enable-account';
import { approveRequest } from '../../../../src/mesh/service/subscriptions/approve-request';
import { modifySubscription } from '../../../../src/mesh/service/subscriptions/modify-subscription';
import { requestAccess, type RequestAccessInput } from '../../../../src/mesh/service/subscriptions/request-access';
import { revokeSubscription } from '../../../../src/mesh/service/subscriptions/revoke-subscription';
import { runGrant } from '../../../../src/mesh/service/subscriptions/run-grant';
import { SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import type { ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { addRole } from '../../../sandbox/aws/test-roles';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';
import { CONSUMER, MESH, MESH_DB, publishProduct } from './published-product';

// A grant is not done until the people who query can: the consumer's query roles get DESCRIBE on the
// links and the granted permissions on the targets, and lose exactly those on modify and revoke.

let world: MeshWorld;
let pool: ClientPool;
const ANALYST = SANDBOX_ROLE_ARNS.queryRole;
const TABLE = 'usecase1_cell_kpis';

beforeAll(async () => {
  world = await startMeshWorld();
  ({ pool } = await publishProduct(world));
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

/** What `principal` holds on a resource, as the consumer account's admin asks Lake Formation (effective permissions). */
async function heldBy(principal: string, resource: Resource): Promise<string[]> {
  const answer = await pool.as('consumer').lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: resource }));
  return [...new Set((answer.PrincipalResourcePermissions ?? []).flatMap((row) => row.Permissions ?? []))].sort();
}

// ListPermissions takes no TableWithColumns; on a Table it answers what is held on the table and on all its columns.
const targetTable = { Table: { CatalogId: MESH, DatabaseName: MESH_DB, Name: TABLE } };

async function subscribe(request: RequestAccessInput): Promise<Subscription> {
  const { subscription } = await requestAccess(world.deps, world.ctx(USERS.casey), request);
  await approveRequest(world.deps, world.ctx(USERS.pat), { id: subscription.id });
  return (await runGrant(world.deps, world.ctx(USERS.pat), { id: subscription.id })).subscription;
}

describe('naming query roles when enabling a consumer account', () => {
  it('refuses a role that does not exist, and records nothing', async () => {
    const before = await world.deps.stores.accounts.get(CONSUMER);
    const refusal = enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer', queryPrincipals: ['Ghost'] });
    await expect(refusal).rejects.toThrow(AccountNotReadyError);
    await expect(refusal).rejects.toThrow(`query role arn:aws:iam::${CONSUMER}:role/Ghost does not exist`);
    expect(await world.deps.stores.accounts.get(CONSUMER)).toEqual(before);
  });

  it('refuses a role IAM does not let read shared tables, naming the actions and the stack option', async () => {
    addRole(world.emu, CONSUMER, 'Intern', [{ Effect: 'Allow', Action: ['glue:GetDatabase'], Resource: '*' }]);
    const refusal = enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer', queryPrincipals: ['Intern'] });
    await expect(refusal).rejects.toThrow(/query role arn:aws:iam::999999999999:role\/Intern may not call lakeformation:GetDataAccess, glue:GetTable, glue:GetPartitions \(IAM\); deploy the consumer stack with `-c queryRoles=/);
  });

  it('refuses a role of another account or a malformed one before asking AWS', async () => {
    await expect(enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer', queryPrincipals: ['arn:aws:iam::111111111111:role/Analyst'] })).rejects.toThrow(
      `arn:aws:iam::111111111111:role/Analyst is a role of account 111111111111, not of ${CONSUMER}`,
    );
    await expect(enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer', queryPrincipals: ['not a role!'] })).rejects.toThrow(InvalidInputError);
    await expect(enableAccount(world.deps, world.ctx(USERS.ada), { accountId: '111111111111', as: 'producer', queryPrincipals: ['Analyst'] })).rejects.toThrow('query principals belong to consumer accounts');
  });

  it('records a role that exists and holds the query policy, by ARN', async () => {
    const { account, changed } = await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer', queryPrincipals: ['Analyst'] });
    expect(changed).toBe(true);
    expect(account.queryPrincipals).toEqual([ANALYST]);
    // Enabling again without naming roles keeps them.
    const again = await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: CONSUMER, as: 'consumer' });
    expect(again).toMatchObject({ changed: false, account: { queryPrincipals: [ANALYST] } });
  });
});

describe('a subscription reaches the query roles', () => {
  let subscription: Subscription;

  it('refuses a request for a role the account has not named, listing those it has', async () => {
    const refusal = requestAccess(world.deps, world.ctx(USERS.casey), { productId: MESH_DB, permissions: ['SELECT'], justification: 'Churn', queryPrincipals: ['Intern'] });
    await expect(refusal).rejects.toThrow(`Intern is not a query role of account ${CONSUMER}`);
    await expect(refusal).rejects.toMatchObject({ hint: 'its query roles are Analyst' });
  });

  it('on approval grants the role DESCRIBE on the link and the permissions on the target, and the role can read the table', async () => {
    subscription = await subscribe({ productId: MESH_DB, tables: [TABLE], permissions: ['SELECT', 'DESCRIBE'], justification: 'Churn model' });
    expect(subscription.status).toBe('ACTIVE');
    expect(subscription.queryPrincipals).toEqual([ANALYST]);
    const link = subscription.links[0];
    expect(link).toBeDefined();
    const linkResource = { Table: { CatalogId: CONSUMER, DatabaseName: link?.database ?? '', Name: TABLE } };
    expect(await heldBy(ANALYST, linkResource)).toEqual(['DESCRIBE']);
    expect(await heldBy(ANALYST, targetTable)).toEqual(['DESCRIBE', 'SELECT']);

    // The role itself, through IAM and Lake Formation, reads the shared table through its link.
    // As a person takes the role: the account's admin user, with no SourceIdentity (its trust allows none).
    const analyst = pool.as(await world.emu.assumeRole(ANALYST, { as: CONSUMER, sourceIdentity: null }));
    const { Table: linkTable } = await analyst.glue.send(new GetTableCommand({ CatalogId: CONSUMER, DatabaseName: link?.database, Name: TABLE }));
    expect(linkTable?.TargetTable).toEqual({ CatalogId: MESH, DatabaseName: MESH_DB, Name: TABLE });
    const { Table } = await analyst.glue.send(new GetTableCommand({ CatalogId: MESH, DatabaseName: MESH_DB, Name: TABLE }));
    expect(Table?.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['id', 'value']);
  });

  it('a modify that drops SELECT takes it from the role too, and keeps DESCRIBE', async () => {
    const modified = (await modifySubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id, permissions: ['DESCRIBE'], reason: 'definitions only' })).subscription;
    expect(modified.status).toBe('ACTIVE');
    expect(await heldBy(ANALYST, targetTable)).toEqual(['DESCRIBE']);
  });

  it('a revoke takes everything it gave the role, and leaves what another subscription still gives', async () => {
    const other = await subscribe({ productId: MESH_DB, tables: ['cell_towers'], permissions: ['SELECT'], justification: 'Tower map' });
    expect(other.status).toBe('ACTIVE');
    const revoked = (await revokeSubscription(world.deps, world.ctx(USERS.pat), { id: subscription.id, reason: 'Project ended' })).subscription;
    expect(revoked.status).toBe('REVOKED');
    expect(await heldBy(ANALYST, targetTable)).toEqual([]);
    // The database DESCRIBE both plans hold stays for the other subscription.
    expect(await heldBy(ANALYST, { Database: { CatalogId: MESH, Name: MESH_DB } })).toEqual(['DESCRIBE']);
    expect(await heldBy(ANALYST, { Table: { CatalogId: MESH, DatabaseName: MESH_DB, Name: 'cell_towers' } })).toEqual(['SELECT']);
  });
});
