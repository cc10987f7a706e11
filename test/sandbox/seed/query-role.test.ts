import { AccessDeniedException, CreateDatabaseCommand, GetDatabasesCommand } from '@aws-sdk/client-glue';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_QUERY_ROLE_ARN } from '../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool, type ServiceClients } from '../aws/cross-account/service-clients';
import { failure } from '../aws/sdk-failure';
import { startTestEmulator, type TestEmulator } from '../aws/start-test-emulator';

const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;

let emu: TestEmulator;
let pool: ClientPool;
let analyst: ServiceClients;

beforeAll(async () => {
  emu = await startTestEmulator();
  pool = clientPool(emu);
  // As a person takes the role: the account's admin user, plain AssumeRole (no SourceIdentity).
  const sts = new STSClient(emu.clientConfig('consumer'));
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: SANDBOX_QUERY_ROLE_ARN, RoleSessionName: 'casey' }));
  sts.destroy();
  analyst = pool.as({ accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! });
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe("the consumer's query role Analyst, with the consumer stack's query access policy", () => {
  it('is taken by the account’s admin user and reads its own catalog', async () => {
    const { DatabaseList } = await analyst.glue.send(new GetDatabasesCommand({}));
    expect(DatabaseList).toEqual([]);
  });

  it('may not change the catalog', async () => {
    const refused = await failure(analyst.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'not_mine' } })));
    expect(refused).toBeInstanceOf(AccessDeniedException);
    expect(refused.message).toBe(
      `User: arn:aws:sts::${CONSUMER}:assumed-role/Analyst/casey is not authorized to perform: glue:CreateDatabase on resource: arn:aws:glue:us-east-1:${CONSUMER}:catalog because no identity-based policy allows the glue:CreateDatabase action`,
    );
  });
});
