import { CreateDatabaseCommand, DeleteDatabaseCommand, GlueClient } from '@aws-sdk/client-glue';
import { BatchGrantPermissionsCommand, GrantPermissionsCommand, LakeFormationClient, type Resource } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBook, answerOf } from '../support/answer-book';
import { startConformanceTarget, type ConformanceTarget } from '../support/conformance-target';

/**
 * Lake Formation grants to an IAM role that does not exist: `InvalidInputException`, "Invalid principal,
 * arn: <arn>", as a user of the real service reports it (aws-samples/data-lake-as-code issue #17; the API
 * reference is silent on the text); in BatchGrantPermissions a failure of that entry only (API reference,
 * BatchGrantPermissions: `Failures`). Runs as the producer account's administrator on a database of its
 * own; the existing principal is the producer's Meshbot role (deployed by the producer stack).
 */

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
let glue: GlueClient;
let lf: LakeFormationClient;
let database: string;
let resource: Resource;

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'lakeformation-invalid-principal');
  glue = new GlueClient(target.as('producer'));
  lf = new LakeFormationClient(target.as('producer'));
  database = target.name('invprincipal');
  resource = { Database: { Name: database } };
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } }));
});

afterAll(async () => {
  await glue.send(new DeleteDatabaseCommand({ Name: database })).catch(() => undefined);
  book.save();
  glue.destroy();
  lf.destroy();
  await target.close();
});

function ghost(): string {
  return `arn:aws:iam::${target.accounts.producer}:role/${target.name('ghost')}`;
}

describe('grants to a principal that does not exist', () => {
  it('refuses GrantPermissions to a role that does not exist (InvalidInputException)', async () => {
    const principal = ghost();
    const answer = await answerOf(lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: resource, Permissions: ['DESCRIBE'] })));
    expect(answer).toEqual({ ok: false, code: 'InvalidInputException', message: `Invalid principal, arn: ${principal}`, status: 400 });
    book.check('grant-missing-role', answer);
  });

  it('accepts GrantPermissions to a role that exists', async () => {
    const principal = `arn:aws:iam::${target.accounts.producer}:role/MeshbotProducer`;
    const answer = await answerOf(lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: resource, Permissions: ['DESCRIBE'] })));
    expect(answer).toEqual({ ok: true });
    book.check('grant-existing-role', answer);
  });

  it('fails only the entry of BatchGrantPermissions that names a role that does not exist', async () => {
    const principal = ghost();
    const call = lf.send(
      new BatchGrantPermissionsCommand({
        Entries: [
          { Id: 'ghost', Principal: { DataLakePrincipalIdentifier: principal }, Resource: resource, Permissions: ['DESCRIBE'] },
          { Id: 'real', Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::${target.accounts.producer}:role/MeshbotProducer` }, Resource: resource, Permissions: ['DESCRIBE'] },
        ],
      }),
    );
    const answer = await answerOf(call);
    expect(answer).toEqual({ ok: true });
    const { Failures } = await call;
    expect(Failures?.map((f) => [f.RequestEntry?.Id, f.Error?.ErrorCode, f.Error?.ErrorMessage])).toEqual([['ghost', 'InvalidInputException', `Invalid principal, arn: ${principal}`]]);
    book.check('batch-grant-missing-role', answer);
  });
});
