import { GetJobsCommand, GlueClient, GlueServiceException, InvalidInputException, GetDatabaseCommand } from '@aws-sdk/client-glue';
import { AccessDeniedException, GetDataLakeSettingsCommand, LakeFormationClient, LakeFormationServiceException, ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { DeleteResourceShareCommand, GetResourceShareInvitationsCommand, InvalidParameterException, RAMClient } from '@aws-sdk/client-ram';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AwsError } from '../../../src/sandbox/aws/aws-error';
import { operation } from '../../../src/sandbox/aws/operation';
import { SANDBOX_ACCOUNTS, sandboxAdminKeys } from '../../../src/sandbox/seed/sandbox-accounts';
import { signedFetch } from './signed-fetch';
import { failure } from './sdk-failure';
import { startTestEmulator, type TestEmulator } from './start-test-emulator';

// Test-only operations: they exercise the emulator's protocol layer whatever the service modules implement.
const operations = {
  glue: {
    GetDatabase: operation(z.object({ Name: z.string().min(1), CatalogId: z.string().optional() }), (ctx, input) => {
      if (input.Name === 'explode') throw new TypeError('handler bug');
      const found = ctx.world.catalogs[input.CatalogId ?? ctx.caller.accountId]?.databases[input.Name];
      if (!found) throw new AwsError('EntityNotFoundException', `Database ${input.Name} not found.`);
      return { Database: found.database };
    }),
  },
  lakeformation: {
    GetDataLakeSettings: operation(z.object({ CatalogId: z.string().optional() }), (ctx, input) => ({
      DataLakeSettings: ctx.world.dataLakeSettings[input.CatalogId ?? ctx.caller.accountId],
    })),
    ListPermissions: operation(z.object({}).loose(), () => {
      throw new AwsError('AccessDeniedException', 'Insufficient Lake Formation permission(s)', 403);
    }),
  },
  ram: {
    GetResourceShareInvitations: operation(z.object({ maxResults: z.number().int().max(500).optional() }), () => ({
      resourceShareInvitations: [{ resourceShareInvitationArn: 'arn:aws:ram:us-east-1:555555555555:resource-share-invitation/x', status: 'PENDING', invitationTimestamp: 1_700_000_000 }],
    })),
    DeleteResourceShare: operation(z.object({ resourceShareArn: z.string(), clientToken: z.string().optional() }), (_ctx, input) => ({
      returnValue: input.resourceShareArn.endsWith('/share-1'),
      clientToken: input.clientToken,
    })),
  },
};

let emu: TestEmulator;
const destroyers: { destroy(): void }[] = [];
function track<C extends { destroy(): void }>(client: C): C {
  destroyers.push(client);
  return client;
}

beforeAll(async () => {
  emu = await startTestEmulator({ operations });
});

afterAll(async () => {
  for (const client of destroyers) client.destroy();
  await emu.close();
});

describe('Glue (awsJson1_1)', () => {
  const glue = (): GlueClient => track(new GlueClient(emu.clientConfig('producer', { maxAttempts: 1 })));

  it('answers in the shape the SDK parses, with a request id', async () => {
    const { Database, $metadata } = await glue().send(new GetDatabaseCommand({ Name: 'telco' }));
    expect(Database?.LocationUri).toBe('s3://producer-111111111111-telco/');
    expect(Database?.CreateTime).toBeInstanceOf(Date);
    expect($metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('raises the modelled exception class from __type', async () => {
    const error = await failure(glue().send(new GetDatabaseCommand({ Name: 'nope' })));
    expect(error.name).toBe('EntityNotFoundException');
    expect(error.message).toBe('Database nope not found.');
  });

  it('turns a schema failure into InvalidInputException naming the field, not a 500', async () => {
    const error = await failure(glue().send(new GetDatabaseCommand({ Name: '' })));
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.message).toContain("'Name'");
  });

  it('answers malformed JSON with InvalidInputException', async () => {
    const response = await signedFetch(emu.endpoint, 'glue', sandboxAdminKeys('producer'), {
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSGlue.GetDatabase' },
      body: '{"Name": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'InvalidInputException' });
  });

  it('answers an operation it does not implement with UnknownOperationException', async () => {
    const error = await failure(glue().send(new GetJobsCommand({})));
    expect(error.name).toBe('UnknownOperationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers a handler crash with a 500 InternalServiceException', async () => {
    const error = await failure(glue().send(new GetDatabaseCommand({ Name: 'explode' })));
    expect(error.name).toBe('InternalServiceException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(emu.controls.calls.list({ operation: 'GetDatabase' }).at(-1)?.outcome).toBe('InternalServiceException');
  });
});

describe('SigV4', () => {
  it('refuses a wrong secret: InvalidSignatureException (Glue), SignatureDoesNotMatch (STS)', async () => {
    const wrong = { ...sandboxAdminKeys('producer'), secretAccessKey: 'not-the-secret' };
    const glueError = await failure(track(new GlueClient(emu.clientConfig(wrong, { maxAttempts: 1 }))).send(new GetDatabaseCommand({ Name: 'telco' })));
    expect(glueError.name).toBe('InvalidSignatureException');
    expect(glueError.$metadata.httpStatusCode).toBe(403);
    const stsError = await failure(track(new STSClient(emu.clientConfig(wrong, { maxAttempts: 1 }))).send(new GetCallerIdentityCommand({})));
    expect(stsError).toBeInstanceOf(STSServiceException);
    expect(stsError.name).toBe('SignatureDoesNotMatch');
  });

  it('refuses an unknown access key: UnrecognizedClientException (Glue), InvalidClientTokenId (STS)', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' };
    const glueError = await failure(track(new GlueClient(emu.clientConfig(unknown, { maxAttempts: 1 }))).send(new GetDatabaseCommand({ Name: 'telco' })));
    expect(glueError).toBeInstanceOf(GlueServiceException);
    expect(glueError.name).toBe('UnrecognizedClientException');
    const stsError = await failure(track(new STSClient(emu.clientConfig(unknown, { maxAttempts: 1 }))).send(new GetCallerIdentityCommand({})));
    expect(stsError.name).toBe('InvalidClientTokenId');
    expect(stsError.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses temporary keys presented with the wrong session token', async () => {
    const session = await emu.assumeRole('arn:aws:iam::999999999999:role/MeshbotConsumer');
    const error = await failure(
      track(new GlueClient(emu.clientConfig({ ...session, sessionToken: 'forged' }, { maxAttempts: 1 }))).send(new GetDatabaseCommand({ Name: 'telco' })),
    );
    expect(error.name).toBe('UnrecognizedClientException');
  });
});

describe('Lake Formation (restJson1, POST /<Operation>)', () => {
  const lf = (): LakeFormationClient => track(new LakeFormationClient(emu.clientConfig('mesh', { maxAttempts: 1 })));

  it('routes by path and answers JSON the SDK parses', async () => {
    const { DataLakeSettings } = await lf().send(new GetDataLakeSettingsCommand({}));
    expect(DataLakeSettings?.Parameters).toEqual({ CROSS_ACCOUNT_VERSION: '4' });
    expect(DataLakeSettings?.CreateTableDefaultPermissions).toEqual([]);
  });

  it('raises the modelled class with its status from x-amzn-ErrorType', async () => {
    const error = await failure(lf().send(new ListPermissionsCommand({})));
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error).toBeInstanceOf(LakeFormationServiceException);
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});

describe('RAM (restJson1, lower-case paths)', () => {
  const ram = (): RAMClient => track(new RAMClient(emu.clientConfig('consumer', { maxAttempts: 1 })));

  it('maps the lower-case path to the operation and returns epoch-second timestamps as dates', async () => {
    const { resourceShareInvitations } = await ram().send(new GetResourceShareInvitationsCommand({}));
    expect(resourceShareInvitations?.[0]?.invitationTimestamp).toEqual(new Date(1_700_000_000_000));
  });

  it('merges @httpQuery members (DELETE /deleteresourceshare?resourceShareArn=…) into the input', async () => {
    const answer = await ram().send(new DeleteResourceShareCommand({ resourceShareArn: 'arn:aws:ram:us-east-1:555555555555:resource-share/share-1', clientToken: 't-1' }));
    expect(answer).toMatchObject({ returnValue: true, clientToken: 't-1' });
  });

  it('turns a schema failure into InvalidParameterException', async () => {
    const error = await failure(ram().send(new GetResourceShareInvitationsCommand({ maxResults: 1000 })));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toContain("'maxResults'");
  });
});

describe('STS (awsQuery)', () => {
  it('answers an action it does not implement with InvalidAction', async () => {
    const error = await failure(track(new STSClient(emu.clientConfig('mesh', { maxAttempts: 1 }))).send(new GetSessionTokenCommand({})));
    expect(error.name).toBe('InvalidAction');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers the AssumeRole XML in the real shape', async () => {
    const response = await signedFetch(emu.endpoint, 'sts', { accessKeyId: `AKIA${SANDBOX_ACCOUNTS.mesh.id}ADMN`, secretAccessKey: sandboxAdminKeys('mesh').secretAccessKey }, {
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A555555555555%3Arole%2FMeshbotBot&RoleSessionName=raw',
    });
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(xml).toMatch(
      /^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleResult><Credentials><AccessKeyId>ASIA\w+<\/AccessKeyId><SecretAccessKey>.+<\/SecretAccessKey><SessionToken>.+<\/SessionToken><Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expiration><\/Credentials><AssumedRoleUser><AssumedRoleId>AROA\w+:raw<\/AssumedRoleId><Arn>arn:aws:sts::555555555555:assumed-role\/MeshbotBot\/raw<\/Arn><\/AssumedRoleUser><\/AssumeRoleResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/AssumeRoleResponse>/,
    );
  });

  it('answers errors as an ErrorResponse document', async () => {
    const response = await signedFetch(emu.endpoint, 'sts', sandboxAdminKeys('mesh'), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A555555555555%3Arole%2FMeshbotBot',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>ValidationError<\/Code><Message>1 validation error detected: Value at 'RoleSessionName' failed to satisfy constraint: Member must not be null<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
    );
  });
});
