import { CreateDatabaseCommand, CreateTableCommand, DeleteDatabaseCommand, GlueClient } from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, LakeFormationClient, ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBook, answerOf } from '../support/answer-book';
import { startConformanceTarget, type ConformanceTarget } from '../support/conformance-target';

/**
 * Lake Formation ListPermissions input rules, from the API reference (ListPermissions) and, where it
 * is silent, from the answers users of the real service report. Runs as the producer account's
 * administrator; its principal is the producer's Meshbot role (deployed by the producer stack).
 */

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
let glue: GlueClient;
let lf: LakeFormationClient;
let database: string;
let principal: string;

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'lakeformation-list-permissions');
  glue = new GlueClient(target.as('producer'));
  lf = new LakeFormationClient(target.as('producer'));
  database = target.name('listperms');
  principal = `arn:aws:iam::${target.accounts.producer}:role/MeshbotProducer`;
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } }));
  await glue.send(
    new CreateTableCommand({
      DatabaseName: database,
      TableInput: { Name: 'events', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }, { Name: 'kind', Type: 'string' }] } },
    }),
  );
  await lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: { Database: { Name: database } }, Permissions: ['DESCRIBE'] }));
  await lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: { Table: { DatabaseName: database, TableWildcard: {} } }, Permissions: ['SELECT'] }));
});

afterAll(async () => {
  await glue.send(new DeleteDatabaseCommand({ Name: database })).catch(() => undefined);
  book.save();
  glue.destroy();
  lf.destroy();
  await target.close();
});

describe('ListPermissions input rules', () => {
  it('refuses a Principal without a Resource (InvalidInputException)', async () => {
    // API reference silent; the text is what the service answers (reported by its users).
    const answer = await answerOf(lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal } })));
    expect(answer).toMatchObject({ ok: false, code: 'InvalidInputException', message: 'Resource is mandatory if Principal is set in the input.', status: 400 });
    book.check('principal-without-resource', answer);
  });

  it('accepts a Principal with a Resource', async () => {
    const answer = await answerOf(lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: { Database: { Name: database } } })));
    expect(answer).toEqual({ ok: true });
    book.check('principal-with-resource', answer);
  });

  it('refuses a TableWithColumns resource (InvalidInputException)', async () => {
    // API reference, ListPermissions `Resource`: "does not support getting privileges on a table with columns".
    const answer = await answerOf(
      lf.send(new ListPermissionsCommand({ Resource: { TableWithColumns: { DatabaseName: database, Name: 'events', ColumnWildcard: {} } } })),
    );
    expect(answer).toMatchObject({ ok: false, code: 'InvalidInputException', status: 400 });
    book.check('table-with-columns', answer);
  });

  it('returns effective permissions when both Principal and Resource are given', async () => {
    // API reference, ListPermissions: "If both Principal and Resource parameters are provided, the
    // response returns effective permissions rather than the explicitly granted permissions" — SELECT
    // granted on all tables of the database reaches the one table asked about.
    const { PrincipalResourcePermissions } = await lf.send(
      new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: principal }, Resource: { Table: { DatabaseName: database, Name: 'events' } } }),
    );
    expect((PrincipalResourcePermissions ?? []).flatMap((row) => row.Permissions ?? [])).toContain('SELECT');
  });

  it('lists only explicit grants without a Principal: the table itself has none, the wildcard holds SELECT', async () => {
    // API reference, ListPermissions: "This operation returns only those permissions that have been explicitly granted."
    const onTable = await lf.send(new ListPermissionsCommand({ Resource: { Table: { DatabaseName: database, Name: 'events' } } }));
    expect((onTable.PrincipalResourcePermissions ?? []).filter((row) => row.Principal?.DataLakePrincipalIdentifier === principal)).toEqual([]);
    const onAll = await lf.send(new ListPermissionsCommand({ Resource: { Table: { DatabaseName: database, TableWildcard: {} } } }));
    expect((onAll.PrincipalResourcePermissions ?? []).filter((row) => row.Principal?.DataLakePrincipalIdentifier === principal).map((row) => row.Permissions)).toEqual([['SELECT']]);
  });
});
