import { CreateTableCommand, GetDatabasesCommand, GlueClient } from '@aws-sdk/client-glue';
import { GetDataLakeSettingsCommand, LakeFormationClient, PutDataLakeSettingsCommand } from '@aws-sdk/client-lakeformation';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answerBook, answerOf } from '../support/answer-book';
import { startConformanceTarget, type ConformanceTarget } from '../support/conformance-target';

/**
 * The AccessDeniedException IAM's refusals carry: `User: <caller> is not authorized to perform:
 * <action> on resource: <resource> because no <identity-based|resource-based> policy allows the
 * <action> action` (IAM User Guide, "Troubleshooting access denied error messages").
 *
 * The first case runs on both targets: the producer's administrator reads the Data Catalog of the
 * consumer account, which shares nothing with it, so no resource-based policy allows it. The Meshbot
 * role cases are sandbox-only (skipped in an AWS run): on AWS the Meshbot roles trust
 * only MeshbotBot with a SourceIdentity, which the conformance identities are not, so an AWS run
 * would need a role set up for the suite.
 */

// Known before the target starts, so the sandbox-only cases are skipped at collection (conformance-target.ts reads the same variable).
const ON_AWS = process.env.MESHBOT_CONFORMANCE_AWS === '1';

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
const clients: { destroy(): void }[] = [];

function track<C extends { destroy(): void }>(client: C): C {
  clients.push(client);
  return client;
}

/** The answer with the caller's ARN (which differs between targets: the profile's identity, the sandbox's admin user) as `<caller>`. */
function withoutCaller(answer: Answer, callerArn: string): Answer {
  return answer.ok ? answer : { ...answer, message: answer.message.replaceAll(callerArn, '<caller>') };
}

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'iam-access-denied');
});

afterAll(async () => {
  book.save();
  for (const client of clients) client.destroy();
  await target.close();
});

describe('access denied', () => {
  it("refuses another account's Data Catalog that shares nothing: no resource-based policy allows it", async () => {
    const config = target.as('producer');
    const { Arn = '' } = await track(new STSClient(config)).send(new GetCallerIdentityCommand({}));
    const answer = withoutCaller(await answerOf(track(new GlueClient(config)).send(new GetDatabasesCommand({ CatalogId: target.accounts.consumer }))), Arn);
    expect(answer).toMatchObject({ ok: false, code: 'AccessDeniedException' });
    if (!answer.ok) {
      expect(answer.message).toBe(
        `User: <caller> is not authorized to perform: glue:GetDatabases on resource: arn:aws:glue:${target.region}:${target.accounts.consumer}:catalog because no resource-based policy allows the glue:GetDatabases action`,
      );
    }
    book.check('glue-foreign-catalog', answer);
  });

  it.skipIf(ON_AWS)('refuses MeshbotConsumer PutDataLakeSettings: no identity-based policy allows it (sandbox only)', async () => {
    const emulator = target.emulator!;
    const credentials = await emulator.assumeRole(`arn:aws:iam::${target.accounts.consumer}:role/MeshbotConsumer`, { sessionName: 'conformance' });
    const lf = track(new LakeFormationClient(target.withCredentials(credentials)));
    const { DataLakeSettings } = await lf.send(new GetDataLakeSettingsCommand({}));
    const answer = await answerOf(lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings })));
    const consumer = target.accounts.consumer;
    expect(answer).toEqual({
      ok: false,
      code: 'AccessDeniedException',
      message: `User: arn:aws:sts::${consumer}:assumed-role/MeshbotConsumer/conformance is not authorized to perform: lakeformation:PutDataLakeSettings on resource: arn:aws:lakeformation:${target.region}:${consumer}:catalog:${consumer} because no identity-based policy allows the lakeformation:PutDataLakeSettings action`,
      status: 403,
    });
    book.check('lakeformation-no-identity-policy', answer);
  });

  it.skipIf(ON_AWS)("refuses MeshbotProducer-<producer> a table in the producer's catalog: its policy covers the mesh catalog only (sandbox only)", async () => {
    const emulator = target.emulator!;
    const { mesh, producer } = target.accounts;
    const credentials = await emulator.assumeRole(`arn:aws:iam::${mesh}:role/MeshbotProducer-${producer}`, { sessionName: 'conformance' });
    const glue = track(new GlueClient(target.withCredentials(credentials)));
    const answer = await answerOf(glue.send(new CreateTableCommand({ CatalogId: producer, DatabaseName: 'telco', TableInput: { Name: target.name('intruder') } })));
    expect(answer).toEqual({
      ok: false,
      code: 'AccessDeniedException',
      message: `User: arn:aws:sts::${mesh}:assumed-role/MeshbotProducer-${producer}/conformance is not authorized to perform: glue:CreateTable on resource: arn:aws:glue:${target.region}:${producer}:catalog because no identity-based policy allows the glue:CreateTable action`,
      status: 400,
    });
    book.check('glue-no-identity-policy', answer);
  });
});
