import { BatchGrantPermissionsCommand, GrantPermissionsCommand, InvalidInputException, RevokePermissionsCommand, type Resource } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, SANDBOX_PRODUCER_DATABASE, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { grantsTo } from '../../../support/grants-to';
import { clientPool, type ClientPool, type ServiceClients } from '../cross-account/service-clients';
import { failure } from '../sdk-failure';
import { startTestEmulator, type TestEmulator } from '../start-test-emulator';

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const telco: Resource = { Database: { Name: SANDBOX_PRODUCER_DATABASE } };
const principal = (DataLakePrincipalIdentifier: string) => ({ DataLakePrincipalIdentifier });

let emu: TestEmulator;
let pool: ClientPool;
let admin: ServiceClients;

beforeAll(async () => {
  emu = await startTestEmulator({ ramAssociationDelayMs: 0 });
  pool = clientPool(emu);
  admin = pool.as('producer');
});

afterAll(async () => {
  pool.destroy();
  await emu.close();
});

describe('Lake Formation grants to IAM principals that do not exist', () => {
  it('refuses a role of a known account that does not exist: InvalidInputException "Invalid principal, arn: <arn>"', async () => {
    const ghost = `arn:aws:iam::${PRODUCER}:role/user.name`;
    const error = await failure(admin.lf.send(new GrantPermissionsCommand({ Principal: principal(ghost), Resource: telco, Permissions: ['DESCRIBE'] })));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(`Invalid principal, arn: ${ghost}`);
    expect(await grantsTo(admin.lf, ghost)).toEqual([]);
  });

  it('refuses a user that does not exist, and a role ARN whose path differs from the role’s', async () => {
    for (const ghost of [`arn:aws:iam::${PRODUCER}:user/nobody`, `arn:aws:iam::${PRODUCER}:role/team/MeshbotProducer`]) {
      const error = await failure(admin.lf.send(new GrantPermissionsCommand({ Principal: principal(ghost), Resource: telco, Permissions: ['DESCRIBE'] })));
      expect(error.message).toBe(`Invalid principal, arn: ${ghost}`);
    }
  });

  it('grants to roles and users that exist', async () => {
    for (const arn of [SANDBOX_ROLE_ARNS.producer, `arn:aws:iam::${PRODUCER}:user/sandbox-admin`]) {
      await admin.lf.send(new GrantPermissionsCommand({ Principal: principal(arn), Resource: telco, Permissions: ['DESCRIBE'] }));
      expect((await grantsTo(admin.lf, arn)).map((p) => p.Permissions)).toContainEqual(['DESCRIBE']);
    }
  });

  it("does not check principals of accounts the emulator does not model (their IAM is not known here)", async () => {
    const elsewhere = 'arn:aws:iam::123456789012:role/Anyone';
    await admin.lf.send(new GrantPermissionsCommand({ Principal: principal(elsewhere), Resource: telco, Permissions: ['DESCRIBE'], PermissionsWithGrantOption: ['DESCRIBE'] }));
    expect((await grantsTo(admin.lf, elsewhere)).map((p) => p.Permissions)).toEqual([['DESCRIBE']]);
  });

  it('fails only the entry of a batch that names a missing principal', async () => {
    const ghost = `arn:aws:iam::${PRODUCER}:role/Ghost`;
    const { Failures } = await admin.lf.send(
      new BatchGrantPermissionsCommand({
        Entries: [
          { Id: '1', Principal: principal(ghost), Resource: telco, Permissions: ['DESCRIBE'] },
          { Id: '2', Principal: principal(SANDBOX_ROLE_ARNS.producer), Resource: telco, Permissions: ['ALTER'] },
        ],
      }),
    );
    expect(Failures).toEqual([{ RequestEntry: expect.objectContaining({ Id: '1' }) as unknown, Error: { ErrorCode: 'InvalidInputException', ErrorMessage: `Invalid principal, arn: ${ghost}` } }]);
    expect((await grantsTo(admin.lf, SANDBOX_ROLE_ARNS.producer)).flatMap((p) => p.Permissions)).toContain('ALTER');
  });

  it('does not check revokes (docs silent): revoking from a missing role answers the revoke rule', async () => {
    const ghost = `arn:aws:iam::${PRODUCER}:role/Ghost`;
    const error = await failure(admin.lf.send(new RevokePermissionsCommand({ Principal: principal(ghost), Resource: telco, Permissions: ['DESCRIBE'] })));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.message).toBe('No permissions revoked. Grantee has no permissions and no grantable permissions on resource.');
  });
});
