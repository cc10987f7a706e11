import { GetRoleCommand, IAMClient, IAMServiceException, ListRolesCommand, NoSuchEntityException } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS, sandboxAdminKeys } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { signedFetch } from '../signed-fetch';
import { startTestEmulator, type TestEmulator, type Who } from '../start-test-emulator';
import { addRole } from '../test-roles';

const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;

let emu: TestEmulator;
const clients: { destroy(): void }[] = [];

function iam(who: Who | AwsCredentialIdentity): IAMClient {
  const client = new IAMClient(emu.clientConfig(who, { maxAttempts: 1 }));
  clients.push(client);
  return client;
}

beforeAll(async () => {
  emu = await startTestEmulator();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await emu.close();
});

describe('IAM GetRole', () => {
  it("answers a role of the caller's account: ARN, path, AROA id, creation date, URL-encoded trust policy, MaxSessionDuration", async () => {
    const { Role } = await iam('consumer').send(new GetRoleCommand({ RoleName: 'MeshbotConsumer' }));
    const stored = emu.world.accounts[CONSUMER]!.roles.MeshbotConsumer!;
    expect(Role).toMatchObject({ Arn: SANDBOX_ROLE_ARNS.consumer, RoleName: 'MeshbotConsumer', Path: '/', MaxSessionDuration: stored.maxSessionDuration });
    expect(Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    // URL-encoded per RFC 3986, as IAM answers policies (API reference, GetRole).
    expect(Role?.AssumeRolePolicyDocument).toMatch(/^%7B%22/);
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''))).toEqual(stored.trustPolicy);

    // The same role answers the same id and date again.
    const again = await iam('consumer').send(new GetRoleCommand({ RoleName: 'MeshbotConsumer' }));
    expect(again.Role?.RoleId).toBe(Role?.RoleId);
    expect(again.Role?.CreateDate).toEqual(Role?.CreateDate);
  });

  it("gives the role the id its sessions carry (STS AssumedRoleId's prefix)", async () => {
    const arn = addRole(emu, CONSUMER, 'IdProbe', [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }]);
    const session = await emu.assumeRole(arn, { as: 'consumer', sessionName: 'probe' });
    const sts = new STSClient(emu.clientConfig(session, { maxAttempts: 1 }));
    clients.push(sts);
    const { UserId } = await sts.send(new GetCallerIdentityCommand({}));
    const { Role } = await iam('consumer').send(new GetRoleCommand({ RoleName: 'IdProbe' }));
    expect(UserId).toBe(`${Role?.RoleId}:probe`);
  });

  it("answers a role's path from its ARN", async () => {
    const account = emu.world.accounts[CONSUMER]!;
    account.roles.Pathed = { ...account.roles.MeshbotConsumer!, name: 'Pathed', arn: `arn:aws:iam::${CONSUMER}:role/team/data/Pathed` };
    const { Role } = await iam('consumer').send(new GetRoleCommand({ RoleName: 'Pathed' }));
    expect(Role).toMatchObject({ Path: '/team/data/', Arn: `arn:aws:iam::${CONSUMER}:role/team/data/Pathed` });
  });

  it('refuses a role that does not exist with NoSuchEntity, HTTP 404, in the words users report', async () => {
    const error = await failure(iam('consumer').send(new GetRoleCommand({ RoleName: 'Ghost' })));
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe('The role with name Ghost cannot be found.');
  });

  it("looks the role up in the caller's account only (IAM is per account)", async () => {
    const error = await failure(iam('producer').send(new GetRoleCommand({ RoleName: 'MeshbotConsumer' })));
    expect(error).toBeInstanceOf(NoSuchEntityException);
  });

  it('refuses a caller no identity policy allows iam:GetRole, with AccessDenied 403 naming the role as IAM does', async () => {
    const arn = addRole(emu, CONSUMER, 'NoIam', [{ Effect: 'Allow', Action: 'glue:*', Resource: '*' }]);
    const session = await emu.assumeRole(arn, { as: 'consumer', sessionName: 'no-iam' });
    const error = await failure(iam(session).send(new GetRoleCommand({ RoleName: 'MeshbotConsumer' })));
    expect(error).toBeInstanceOf(IAMServiceException);
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:sts::${CONSUMER}:assumed-role/NoIam/no-iam is not authorized to perform: iam:GetRole on resource: role MeshbotConsumer because no identity-based policy allows the iam:GetRole action`,
    );
    // Refused before the lookup: a missing role is AccessDenied too, not NoSuchEntity.
    expect((await failure(iam(session).send(new GetRoleCommand({ RoleName: 'Ghost' })))).name).toBe('AccessDenied');
  });

  it('names an explicit deny on the role ARN as such', async () => {
    const arn = addRole(emu, CONSUMER, 'DeniedGetRole', [
      { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:GetRole', Resource: SANDBOX_ROLE_ARNS.consumer },
    ]);
    const client = iam(await emu.assumeRole(arn, { as: 'consumer', sessionName: 'deny' }));
    expect((await client.send(new GetRoleCommand({ RoleName: 'NoIam' }))).Role?.RoleName).toBe('NoIam');
    const error = await failure(client.send(new GetRoleCommand({ RoleName: 'MeshbotConsumer' })));
    expect(error.message).toBe(
      `User: arn:aws:sts::${CONSUMER}:assumed-role/DeniedGetRole/deny is not authorized to perform: iam:GetRole on resource: role MeshbotConsumer with an explicit deny in an identity-based policy`,
    );
  });

  it("refuses a RoleName outside the model's pattern with ValidationError", async () => {
    const error = await failure(iam('consumer').send(new GetRoleCommand({ RoleName: 'no spaces' })));
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain("'RoleName'");
  });

  it('answers an operation it does not emulate with InvalidAction', async () => {
    const error = await failure(iam('consumer').send(new ListRolesCommand({})));
    expect(error.name).toBe('InvalidAction');
    expect(error.message).toBe('Could not find operation ListRoles for version 2010-05-08');
  });
});

describe('IAM on the wire (awsQuery)', () => {
  it('answers in the IAM namespace with a GetRoleResult, and errors as an ErrorResponse', async () => {
    const ok = await signedFetch(emu.endpoint, 'iam', sandboxAdminKeys('consumer'), {
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetRole&Version=2010-05-08&RoleName=MeshbotConsumer',
    });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toMatch(/^<GetRoleResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><GetRoleResult><Role><Path>\/<\/Path><RoleName>MeshbotConsumer<\/RoleName>/);

    const missing = await signedFetch(emu.endpoint, 'iam', sandboxAdminKeys('consumer'), {
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetRole&Version=2010-05-08&RoleName=Ghost',
    });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(
      /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code><Message>The role with name Ghost cannot be found\.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
    );
  });

  it('records IAM calls in the call log under service iam', async () => {
    await iam('consumer').send(new GetRoleCommand({ RoleName: 'MeshbotConsumer' }));
    expect(emu.controls.calls.list({ service: 'iam', operation: 'GetRole' }).at(-1)).toMatchObject({ accountId: CONSUMER, outcome: 'ok' });
  });
});
