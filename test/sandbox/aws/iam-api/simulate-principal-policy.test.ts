import { IAMClient, InvalidInputException, NoSuchEntityException, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator, type Who } from '../start-test-emulator';
import { addRole } from '../test-roles';

const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
const MESH = SANDBOX_ACCOUNTS.mesh.id;
const TABLE = `arn:aws:glue:us-east-1:${CONSUMER}:table/sales/orders`;
const SECRET = `arn:aws:glue:us-east-1:${CONSUMER}:table/sales/secret`;

let emu: TestEmulator;
let reader: string;
const clients: { destroy(): void }[] = [];

function iam(who: Who | AwsCredentialIdentity): IAMClient {
  const client = new IAMClient(emu.clientConfig(who, { maxAttempts: 1 }));
  clients.push(client);
  return client;
}

beforeAll(async () => {
  emu = await startTestEmulator();
  reader = addRole(emu, CONSUMER, 'Reader', [
    { Effect: 'Allow', Action: ['glue:GetTable', 'glue:GetDatabase'], Resource: '*' },
    { Effect: 'Deny', Action: 'glue:GetTable', Resource: SECRET },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::sales/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
  ]);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await emu.close();
});

describe('IAM SimulatePrincipalPolicy', () => {
  it("decides with the role's identity policies: allowed, explicitDeny, implicitDeny", async () => {
    const { EvaluationResults, IsTruncated } = await iam('consumer').send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetTable', 'glue:DeleteTable'], ResourceArns: [TABLE, SECRET] }),
    );
    expect(IsTruncated).toBe(false);
    // One result per (action, resource) pair, action by action (API reference, ResourceArns).
    expect(EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['glue:GetTable', TABLE, 'allowed'],
      ['glue:GetTable', SECRET, 'explicitDeny'],
      ['glue:DeleteTable', TABLE, 'implicitDeny'],
      ['glue:DeleteTable', SECRET, 'implicitDeny'],
    ]);
    expect(EvaluationResults?.[1]?.ResourceSpecificResults).toEqual([{ EvalResourceName: SECRET, EvalResourceDecision: 'explicitDeny' }]);
  });

  it('simulates on * when no ResourceArns are given', async () => {
    const { EvaluationResults } = await iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetDatabase', 'ram:GetResourceShares'] }));
    expect(EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['glue:GetDatabase', '*', 'allowed'],
      ['ram:GetResourceShares', '*', 'implicitDeny'],
    ]);
    expect(EvaluationResults?.[0]?.ResourceSpecificResults).toBeUndefined();
  });

  it('uses ContextEntries as condition keys', async () => {
    const object = 'arn:aws:s3:::sales/2026/01.parquet';
    const without = await iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['s3:GetObject'], ResourceArns: [object] }));
    expect(without.EvaluationResults?.[0]?.EvalDecision).toBe('implicitDeny');
    const inside = await iam('consumer').send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: reader,
        ActionNames: ['s3:GetObject'],
        ResourceArns: [object],
        ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.1.2.3'], ContextKeyType: 'ip' }],
      }),
    );
    expect(inside.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
  });

  it('decides a resource of another account as a cross-account request: implicitDeny without its resource policy', async () => {
    const { EvaluationResults } = await iam('consumer').send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetTable'], ResourceArns: [`arn:aws:glue:us-east-1:${MESH}:table/sales/orders`] }),
    );
    expect(EvaluationResults?.[0]?.EvalDecision).toBe('implicitDeny');
  });

  it('evaluates an action without resource types on *, whatever resource it is simulated on', async () => {
    const arn = addRole(emu, CONSUMER, 'LfUser', [{ Effect: 'Allow', Action: 'lakeformation:GetDataAccess', Resource: '*' }]);
    const { EvaluationResults } = await iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['lakeformation:GetDataAccess'], ResourceArns: [TABLE] }));
    expect(EvaluationResults?.[0]).toMatchObject({ EvalResourceName: TABLE, EvalDecision: 'allowed' });
  });

  it('simulates an IAM user (the admin user: AdministratorAccess)', async () => {
    const { EvaluationResults } = await iam('consumer').send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${CONSUMER}:user/sandbox-admin`, ActionNames: ['glue:DeleteTable'], ResourceArns: [SECRET] }),
    );
    expect(EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
  });

  it('pages with MaxItems and Marker', async () => {
    const input = { PolicySourceArn: reader, ActionNames: ['glue:GetTable', 'glue:DeleteTable', 'glue:GetDatabase'] };
    const first = await iam('consumer').send(new SimulatePrincipalPolicyCommand({ ...input, MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.EvaluationResults?.map((r) => r.EvalActionName)).toEqual(['glue:GetTable', 'glue:DeleteTable']);
    const second = await iam('consumer').send(new SimulatePrincipalPolicyCommand({ ...input, MaxItems: 2, Marker: first.Marker }));
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();
    expect(second.EvaluationResults?.map((r) => r.EvalActionName)).toEqual(['glue:GetDatabase']);
  });

  it('refuses a role or user that does not exist with NoSuchEntity 404', async () => {
    const role = await failure(iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${CONSUMER}:role/Ghost`, ActionNames: ['glue:GetTable'] })));
    expect(role).toBeInstanceOf(NoSuchEntityException);
    expect(role.$metadata.httpStatusCode).toBe(404);
    expect(role.message).toBe('The role with name Ghost cannot be found.');
    const user = await failure(iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${CONSUMER}:user/nobody`, ActionNames: ['glue:GetTable'] })));
    expect(user).toBeInstanceOf(NoSuchEntityException);
    expect(user.message).toBe('The user with name nobody cannot be found.');
  });

  it('refuses an STS session ARN with InvalidInput, as users report it', async () => {
    const session = `arn:aws:sts::${CONSUMER}:assumed-role/Reader/s1`;
    const error = await failure(iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: session, ActionNames: ['glue:GetTable'] })));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(`Invalid Entity Arn: ${session} does not clearly define entity type and name.`);
  });

  it('refuses a resource that is not an ARN with InvalidInput, as users report it', async () => {
    const error = await failure(iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetTable'], ResourceArns: ['orders'] })));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.message).toBe('ResourceNames are not in a valid ARN format: orders.');
  });

  it('refuses the members it does not simulate rather than answering without them', async () => {
    const error = await failure(
      iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetTable'], PolicyInputList: ['{"Version":"2012-10-17","Statement":[]}'] })),
    );
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.message).toContain('PolicyInputList');
  });

  it('refuses a caller no identity policy allows iam:SimulatePrincipalPolicy, with AccessDenied 403', async () => {
    const session = await emu.assumeRole(reader, { as: 'consumer', sessionName: 'reader' });
    const error = await failure(iam(session).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetTable'] })));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:sts::${CONSUMER}:assumed-role/Reader/reader is not authorized to perform: iam:SimulatePrincipalPolicy on resource: role Reader because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
    );
  });

  it("refuses another account's role: no resource-based policy lets the caller in", async () => {
    const error = await failure(
      iam('mesh').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetTable'] })),
    );
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toBe(
      `User: arn:aws:iam::${MESH}:user/sandbox-admin is not authorized to perform: iam:SimulatePrincipalPolicy on resource: role Reader because no resource-based policy allows the iam:SimulatePrincipalPolicy action`,
    );
  });
});
