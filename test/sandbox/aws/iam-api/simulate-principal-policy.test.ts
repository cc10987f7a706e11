import { IAMClient, InvalidInputException, NoSuchEntityException, SimulatePrincipalPolicyCommand, type SimulatePrincipalPolicyCommandOutput } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_NAMES, roleArn } from '../../../../src/mesh/domain/account-roles';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { SANDBOX_PRODUCER_BUCKET } from '../../../../src/sandbox/seed/create-seed-world';
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

  it.each([
    ['PolicyInputList', { PolicyInputList: ['{"Version":"2012-10-17","Statement":[]}'] }],
    ['PermissionsBoundaryPolicyInputList', { PermissionsBoundaryPolicyInputList: ['{"Version":"2012-10-17","Statement":[]}'] }],
    ['ResourceHandlingOption', { ResourceHandlingOption: 'EC2-VPC-InstanceStore' }],
  ])('refuses %s, which it does not simulate, rather than answering without it', async (member, extra) => {
    const error = await failure(iam('consumer').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: reader, ActionNames: ['glue:GetTable'], ...extra })));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.message).toBe(`The sandbox emulator does not simulate ${member}; leave it out.`);
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

/**
 * ResourcePolicy, ResourceOwner and CallerArn (IAM API Reference, SimulatePrincipalPolicy), on the mesh
 * account's MeshbotDataAccess, whose identity policy allows s3:GetObject and s3:ListBucket on any bucket
 * whose aws:ResourceAccount is the producer's, and the producer's bucket with the deploy guide's statement.
 */
describe('IAM SimulatePrincipalPolicy with a resource policy', () => {
  const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
  const DATA_ACCESS = roleArn(MESH, ROLE_NAMES.dataAccess);
  const BUCKET = `arn:aws:s3:::${SANDBOX_PRODUCER_BUCKET}`;
  const OBJECT = `${BUCKET}/x`;
  // A user of the mesh account to simulate the calls as (CallerArn); it need not exist.
  const CALLER = `arn:aws:iam::${MESH}:user/simulated-caller`;
  const OWNED_BY_PRODUCER = `arn:aws:iam::${PRODUCER}:root`;
  const MESH_ROOT = `arn:aws:iam::${MESH}:root`;
  const ALLOWED = { 's3:GetObject': 'allowed', 's3:ListBucket': 'allowed' };
  const DENIED = { 's3:GetObject': 'implicitDeny', 's3:ListBucket': 'implicitDeny' };

  const policy = (...statements: Record<string, unknown>[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const reads = (principal: string): Record<string, unknown> => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BUCKET, `${BUCKET}/*`] });

  type Input = Omit<ConstructorParameters<typeof SimulatePrincipalPolicyCommand>[0], 'ActionNames'>;

  /** s3:GetObject on the object and s3:ListBucket on the bucket (the resource type each action takes), as MeshbotDataAccess unless told otherwise. */
  function simulate(input: Partial<Input>): Promise<[SimulatePrincipalPolicyCommandOutput, SimulatePrincipalPolicyCommandOutput]> {
    const send = (action: string, resource: string): Promise<SimulatePrincipalPolicyCommandOutput> =>
      iam('mesh').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: DATA_ACCESS, ...input, ActionNames: [action], ResourceArns: [resource] }));
    return Promise.all([send('s3:GetObject', OBJECT), send('s3:ListBucket', BUCKET)]);
  }

  /** Each action's decision. */
  async function decide(input: Partial<Input>): Promise<Record<string, string | undefined>> {
    const answers = await simulate(input);
    return Object.fromEntries(answers.flatMap((a) => a.EvaluationResults ?? []).map((r) => [r.EvalActionName ?? '', r.EvalDecision] as const));
  }

  it('refuses a role simulated with a ResourcePolicy and no CallerArn: resource policies are simulated for IAM users only', async () => {
    const bucketPolicy = emu.world.buckets[SANDBOX_PRODUCER_BUCKET]?.policy ?? '';
    const error = await failure(simulate({ ResourcePolicy: bucketPolicy, ResourceOwner: OWNED_BY_PRODUCER }));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('Invalid caller - Caller must be an IAM user in this context.');
  });

  it('refuses a CallerArn that is not an IAM user', async () => {
    for (const callerArn of [DATA_ACCESS, `arn:aws:sts::${MESH}:assumed-role/${ROLE_NAMES.dataAccess}/s1`, `arn:aws:iam::${MESH}:root`]) {
      const error = await failure(simulate({ ResourcePolicy: policy(reads(MESH_ROOT)), ResourceOwner: OWNED_BY_PRODUCER, CallerArn: callerArn }));
      expect(error).toBeInstanceOf(InvalidInputException);
      expect(error.message).toBe('Invalid caller - Caller must be an IAM user in this context.');
    }
  });

  it("across accounts, allows what both the role's policies and a resource policy letting the caller's account in allow", async () => {
    const [getObject, listBucket] = await simulate({ ResourcePolicy: policy(reads(MESH_ROOT)), ResourceOwner: OWNED_BY_PRODUCER, CallerArn: CALLER });
    expect(getObject.EvaluationResults).toEqual([
      { EvalActionName: 's3:GetObject', EvalResourceName: OBJECT, EvalDecision: 'allowed', ResourceSpecificResults: [{ EvalResourceName: OBJECT, EvalResourceDecision: 'allowed' }] },
    ]);
    expect(listBucket.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([['s3:ListBucket', BUCKET, 'allowed']]);
  });

  it("matches the resource policy's Principal against the CallerArn, not the role: the deploy guide's statement naming MeshbotDataAccess does not apply", async () => {
    const bucketPolicy = emu.world.buckets[SANDBOX_PRODUCER_BUCKET]?.policy ?? '';
    expect(bucketPolicy).toContain(DATA_ACCESS);
    expect(await decide({ ResourcePolicy: bucketPolicy, ResourceOwner: OWNED_BY_PRODUCER, CallerArn: CALLER })).toEqual(DENIED);
  });

  it('is an implicit deny across accounts when the resource policy has no statement for the caller', async () => {
    const otherAccount = policy(reads(`arn:aws:iam::${SANDBOX_ACCOUNTS.consumer.id}:root`));
    expect(await decide({ ResourcePolicy: otherAccount, ResourceOwner: OWNED_BY_PRODUCER, CallerArn: CALLER })).toEqual(DENIED);
  });

  it("is an explicit deny where the resource policy's Deny statement matches", async () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` };
    const decisions = await decide({ ResourcePolicy: policy(reads(MESH_ROOT), deny), ResourceOwner: OWNED_BY_PRODUCER, CallerArn: CALLER });
    expect(decisions).toEqual({ 's3:GetObject': 'explicitDeny', 's3:ListBucket': 'allowed' });
  });

  it("sets aws:ResourceAccount from ResourceOwner: the role's policies allow the producer's buckets only", async () => {
    const ownedByConsumer = `arn:aws:iam::${SANDBOX_ACCOUNTS.consumer.id}:root`;
    expect(await decide({ ResourcePolicy: policy(reads(MESH_ROOT)), ResourceOwner: ownedByConsumer, CallerArn: CALLER })).toEqual(DENIED);
  });

  it('is an implicit deny across accounts without a ResourcePolicy, ResourceOwner given or not', async () => {
    expect(await decide({ ResourceOwner: OWNED_BY_PRODUCER })).toEqual(DENIED);
    // Without ResourceOwner the bucket is the role's account's, where aws:ResourceAccount is not a producer's: denied too…
    expect(await decide({})).toEqual(DENIED);
    // … unless ContextEntries say otherwise: they override the keys the emulator sets.
    const producerAccount = { ContextKeyName: 'aws:ResourceAccount', ContextKeyValues: [PRODUCER], ContextKeyType: 'string' as const };
    expect(await decide({ ContextEntries: [producerAccount] })).toEqual(ALLOWED);
  });

  it("within the owner's account, allows what either the identity policies or the resource policy allow", async () => {
    const glueOnly = addRole(emu, MESH, 'GlueOnly', [{ Effect: 'Allow', Action: 'glue:GetTable', Resource: '*' }]);
    // The resource policy alone: it names the simulated caller; the resources default to the caller's account.
    expect(await decide({ PolicySourceArn: glueOnly, ResourcePolicy: policy(reads(CALLER)), CallerArn: CALLER })).toEqual(ALLOWED);
    expect(await decide({ PolicySourceArn: glueOnly, ResourcePolicy: policy(reads(OWNED_BY_PRODUCER)), CallerArn: CALLER })).toEqual(DENIED);
    // The identity policies alone: the admin user's AdministratorAccess, with a resource policy that says nothing of it.
    const admin = `arn:aws:iam::${MESH}:user/sandbox-admin`;
    expect(await decide({ PolicySourceArn: admin, ResourcePolicy: policy(reads(OWNED_BY_PRODUCER)), ResourceOwner: MESH_ROOT })).toEqual(ALLOWED);
  });

  it('simulates a user as its own caller when no CallerArn is given', async () => {
    const admin = `arn:aws:iam::${MESH}:user/sandbox-admin`;
    const deny = { Effect: 'Deny', Principal: { AWS: admin }, Action: 's3:ListBucket', Resource: BUCKET };
    expect(await decide({ PolicySourceArn: admin, ResourcePolicy: policy(deny) })).toEqual({ 's3:GetObject': 'allowed', 's3:ListBucket': 'explicitDeny' });
  });

  it('refuses a ResourcePolicy that is not a policy document with InvalidInput', async () => {
    for (const text of ['{not json', '[]', policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: BUCKET, Bogus: 1 })]) {
      const error = await failure(simulate({ ResourcePolicy: text, ResourceOwner: OWNED_BY_PRODUCER, CallerArn: CALLER }));
      expect(error).toBeInstanceOf(InvalidInputException);
      expect(error.message).toMatch(/^ResourcePolicy is not a valid policy document: /);
    }
  });

  it("refuses a ResourceOwner that is not an account's ARN, in IAM's words", async () => {
    const error = await failure(simulate({ ResourcePolicy: policy(reads(MESH_ROOT)), ResourceOwner: PRODUCER, CallerArn: CALLER }));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.message).toBe(`'${PRODUCER}' is not a valid as a Resource Owner.`);
  });

  it("keeps to the caller's account: another account's role is refused even with a ResourcePolicy", async () => {
    const error = await failure(
      iam('producer').send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: DATA_ACCESS, ActionNames: ['s3:GetObject'], ResourceArns: [OBJECT], ResourcePolicy: policy(reads(MESH_ROOT)), CallerArn: CALLER }),
      ),
    );
    expect(error.name).toBe('AccessDenied');
  });
});
