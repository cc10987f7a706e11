import { AssumeRoleCommand, ExpiredTokenException, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';
import { startTestEmulator, type TestEmulator, type Who } from './start-test-emulator';

let emu: TestEmulator;
const clients: STSClient[] = [];

function sts(who: Who | 'bot'): STSClient {
  const client = new STSClient(emu.clientConfig(who, { maxAttempts: 1 }));
  clients.push(client);
  return client;
}

/** The error an SDK call rejects with. */
async function failure(promise: Promise<unknown>): Promise<STSServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof STSServiceException) return error;
    throw error;
  }
  throw new TypeError('expected the call to fail');
}

beforeAll(async () => {
  emu = await startTestEmulator();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await emu.close();
});

describe('STS AssumeRole', () => {
  it('issues temporary keys for a trusted caller, with the SourceIdentity carried into the session', async () => {
    const { Credentials, AssumedRoleUser, SourceIdentity } = await sts('bot').send(
      new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.producer, RoleSessionName: 'publish-req-1', SourceIdentity: 'U012ABCDEF' }),
    );

    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(Credentials?.Expiration).toBeInstanceOf(Date);
    expect(Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${SANDBOX_ACCOUNTS.producer.id}:assumed-role/MeshbotProducer/publish-req-1`);
    expect(AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:publish-req-1$/);
    expect(SourceIdentity).toBe('U012ABCDEF');

    const session = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
    const identity = await sts(session).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: SANDBOX_ACCOUNTS.producer.id, Arn: AssumedRoleUser?.Arn, UserId: AssumedRoleUser?.AssumedRoleId });
    const [logged] = emu.controls.calls.list({ service: 'sts', operation: 'GetCallerIdentity' }).slice(-1);
    expect(logged).toMatchObject({ roleName: 'MeshbotProducer', sessionName: 'publish-req-1', sourceIdentity: 'U012ABCDEF', outcome: 'ok' });
  });

  it('answers GetCallerIdentity for an admin user', async () => {
    const identity = await sts('consumer').send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: SANDBOX_ACCOUNTS.consumer.id, Arn: `arn:aws:iam::${SANDBOX_ACCOUNTS.consumer.id}:user/sandbox-admin` });
    expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it('refuses a caller the trust policy does not name, with AccessDenied', async () => {
    const error = await failure(sts('producer').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.producer, RoleSessionName: 'x1', SourceIdentity: 'U1' + 'X' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:iam::${SANDBOX_ACCOUNTS.producer.id}:user/sandbox-admin is not authorized to perform: sts:AssumeRole on resource: ${SANDBOX_ROLE_ARNS.producer}`,
    );
  });

  it('refuses a role that does not exist as AWS does (AccessDenied, not NoSuchEntity)', async () => {
    const error = await failure(sts('bot').send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/Nope', RoleSessionName: 'x1' })));
    expect(error.name).toBe('AccessDenied');
  });

  it('refuses SetSourceIdentity when the trust policy does not allow it', async () => {
    // MeshbotBot trusts the mesh account's sandbox-admin (localBotPrincipals) with sts:AssumeRole only.
    const error = await failure(sts('mesh').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.bot, RoleSessionName: 'admin', SourceIdentity: 'U1234' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toBe(`User: arn:aws:iam::${SANDBOX_ACCOUNTS.mesh.id}:user/sandbox-admin is not authorized to perform: sts:SetSourceIdentity on resource: ${SANDBOX_ROLE_ARNS.bot}`);
  });

  it('refuses a role whose trust policy requires a SourceIdentity when none is given', async () => {
    const error = await failure(sts('bot').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.consumer, RoleSessionName: 'import-1' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toBe(`User: arn:aws:sts::${SANDBOX_ACCOUNTS.mesh.id}:assumed-role/MeshbotBot/meshbot-sandbox is not authorized to perform: sts:AssumeRole on resource: ${SANDBOX_ROLE_ARNS.consumer}`);
  });

  it("refuses a role the caller's identity policy does not allow, though the trust policy does (cross-account: both must)", async () => {
    const mesh = emu.world.accounts[SANDBOX_ACCOUNTS.mesh.id]!;
    const saved = mesh.roles.MeshbotBot!.policies;
    mesh.roles.MeshbotBot!.policies = {};
    try {
      const error = await failure(sts('bot').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.consumer, RoleSessionName: 'import-1', SourceIdentity: 'U1' + 'X' })));
      expect(error.name).toBe('AccessDenied');
      expect(error.message).toContain(`sts:AssumeRole on resource: ${SANDBOX_ROLE_ARNS.consumer}`);
    } finally {
      mesh.roles.MeshbotBot!.policies = saved;
    }
  });

  it('refuses a malformed SourceIdentity and session name with ValidationError naming the field', async () => {
    const badSource = await failure(sts('bot').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.consumer, RoleSessionName: 'ok-name', SourceIdentity: 'aws:x' })));
    expect(badSource.name).toBe('ValidationError');
    expect(badSource.message).toContain("'SourceIdentity'");
    const badName = await failure(sts('bot').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.consumer, RoleSessionName: 'a b', SourceIdentity: 'U1' })));
    expect(badName.name).toBe('ValidationError');
    expect(badName.$metadata.httpStatusCode).toBe(400);
    expect(badName.message).toContain("'RoleSessionName'");
  });

  it('carries the SourceIdentity along a chain and refuses to change it', async () => {
    // A role MeshbotMeshAdmin may take on (same account: its trust policy naming the role suffices).
    const mesh = SANDBOX_ACCOUNTS.mesh.id;
    const probe = `arn:aws:iam::${mesh}:role/ChainProbe`;
    emu.world.accounts[mesh]!.roles.ChainProbe = {
      name: 'ChainProbe',
      arn: probe,
      trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: SANDBOX_ROLE_ARNS.meshAdmin }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }] },
      policies: {},
      maxSessionDuration: 3600,
    };
    try {
      const first = await emu.assumeRole(SANDBOX_ROLE_ARNS.meshAdmin, { sourceIdentity: 'U0FIRST' });
      const chained = await sts(first).send(new AssumeRoleCommand({ RoleArn: probe, RoleSessionName: 'chained' }));
      expect(chained.SourceIdentity).toBe('U0FIRST');
      const changed = await failure(sts(first).send(new AssumeRoleCommand({ RoleArn: probe, RoleSessionName: 'chained', SourceIdentity: 'U0OTHER' })));
      expect(changed.name).toBe('AccessDenied');
    } finally {
      Reflect.deleteProperty(emu.world.accounts[mesh]!.roles, 'ChainProbe');
    }
  });

  it('refuses a duration over the role maximum with ValidationError', async () => {
    const error = await failure(sts('mesh').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.bot, RoleSessionName: 'long', DurationSeconds: 7200 })));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });

  it('caps role chaining at one hour', async () => {
    const error = await failure(
      sts('bot').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.producer, RoleSessionName: 'long', SourceIdentity: 'U1X', DurationSeconds: 3601 })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toContain('1 hour session limit for roles assumed by role chaining');
    const ok = await sts('bot').send(new AssumeRoleCommand({ RoleArn: SANDBOX_ROLE_ARNS.producer, RoleSessionName: 'hour', SourceIdentity: 'U1X', DurationSeconds: 3600 }));
    expect(ok.Credentials?.AccessKeyId).toBeDefined();
  });

  it('expires temporary keys on the emulator clock (ExpiredTokenException)', async () => {
    const session = await emu.assumeRole(SANDBOX_ROLE_ARNS.consumer, { durationSeconds: 900 });
    await sts(session).send(new GetCallerIdentityCommand({}));

    emu.controls.clock.advance(901);

    const error = await failure(sts(session).send(new GetCallerIdentityCommand({})));
    expect(error).toBeInstanceOf(ExpiredTokenException);
  });

  it('refuses an unsigned request with MissingAuthenticationToken', async () => {
    const response = await fetch(emu.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetSessionToken&Version=2011-06-15' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});

describe('STS session housekeeping', () => {
  it('forgets sessions a day after they expired, keeping recent ones to answer ExpiredToken', async () => {
    const old = await emu.assumeRole(SANDBOX_ROLE_ARNS.consumer, { durationSeconds: 900 });
    emu.controls.clock.advance(25 * 3600);
    const recent = await emu.assumeRole(SANDBOX_ROLE_ARNS.consumer, { durationSeconds: 900 });
    expect(emu.world.credentials[old.accessKeyId]).toBeUndefined();
    expect(emu.world.credentials[recent.accessKeyId]).toBeDefined();
  });
});
