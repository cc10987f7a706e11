import { GetRoleCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBook, answerOf } from '../support/answer-book';
import { startConformanceTarget, type ConformanceTarget } from '../support/conformance-target';

/**
 * IAM GetRole and SimulatePrincipalPolicy, the reads that check a query principal before Meshbot
 * records it: a role found and not found (API reference, GetRole: NoSuchEntity, HTTP 404, with the
 * text users report, "The role with name <name> cannot be found."), and the simulator's decisions
 * (API reference, SimulatePrincipalPolicy and EvaluationResult: allowed, explicitDeny, implicitDeny,
 * one result per action and resource).
 *
 * Runs as the consumer account's administrator, on the consumer's Meshbot role (deployed by the
 * consumer stack), whose policy allows Glue reads in the consumer's catalog and no IAM writes. The
 * explicit deny case is sandbox-only (skipped in an AWS run): it needs a role with a Deny statement,
 * which an AWS run would have to set up for the suite.
 */

// Known before the target starts, so the sandbox-only cases are skipped at collection (conformance-target.ts reads the same variable).
const ON_AWS = process.env.MESHBOT_CONFORMANCE_AWS === '1';

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
let iam: IAMClient;
let consumerRole: string;

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'iam-query-principal');
  iam = new IAMClient(target.as('consumer'));
  consumerRole = `arn:aws:iam::${target.accounts.consumer}:role/MeshbotConsumer`;
});

afterAll(async () => {
  book.save();
  iam.destroy();
  await target.close();
});

describe('GetRole', () => {
  it('answers a role of the account', async () => {
    const call = iam.send(new GetRoleCommand({ RoleName: 'MeshbotConsumer' }));
    const answer = await answerOf(call);
    expect(answer).toEqual({ ok: true });
    const { Role } = await call;
    expect(Role).toMatchObject({ Arn: consumerRole, RoleName: 'MeshbotConsumer', Path: '/' });
    expect(Role?.RoleId).toMatch(/^AROA[A-Z0-9]+$/);
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''))).toMatchObject({ Version: '2012-10-17' });
    book.check('get-role-found', answer);
  });

  it('refuses a role that does not exist (NoSuchEntity, 404)', async () => {
    const name = target.name('ghost');
    const answer = await answerOf(iam.send(new GetRoleCommand({ RoleName: name })));
    expect(answer).toEqual({ ok: false, code: 'NoSuchEntityException', message: `The role with name ${name} cannot be found.`, status: 404 });
    book.check('get-role-not-found', answer);
  });
});

describe('SimulatePrincipalPolicy', () => {
  it("decides with the role's identity policies: allowed and implicitDeny, one result per action and resource", async () => {
    const { consumer } = target.accounts;
    const table = `arn:aws:glue:${target.region}:${consumer}:table/${target.name('db')}/events`;
    const call = iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: consumerRole, ActionNames: ['glue:GetTable', 'glue:UpdateTable'], ResourceArns: [table] }));
    const answer = await answerOf(call);
    expect(answer).toEqual({ ok: true });
    const { EvaluationResults } = await call;
    expect(EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['glue:GetTable', table, 'allowed'],
      ['glue:UpdateTable', table, 'implicitDeny'],
    ]);
    book.check('simulate-allowed-implicit-deny', answer);
  });

  it.skipIf(ON_AWS)('names an explicit deny explicitDeny (sandbox only)', async () => {
    const emulator = target.emulator!;
    const { consumer } = target.accounts;
    const name = 'ConformanceDenied';
    const arn = `arn:aws:iam::${consumer}:role/${name}`;
    const table = `arn:aws:glue:${target.region}:${consumer}:table/sales/secret`;
    emulator.world.accounts[consumer]!.roles[name] = {
      name,
      arn,
      trustPolicy: { Version: '2012-10-17', Statement: [] },
      policies: { Deny: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'glue:*', Resource: '*' }, { Effect: 'Deny', Action: 'glue:GetTable', Resource: table }] } },
      maxSessionDuration: 3600,
    };
    const call = iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['glue:GetTable'], ResourceArns: [table] }));
    const answer = await answerOf(call);
    expect(answer).toEqual({ ok: true });
    expect((await call).EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['explicitDeny']);
    book.check('simulate-explicit-deny', answer);
  });

  it('refuses a role that does not exist (NoSuchEntity, 404)', async () => {
    const answer = await answerOf(
      iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${target.accounts.consumer}:role/${target.name('ghost')}`, ActionNames: ['glue:GetTable'] })),
    );
    // The API reference names the error, not its text; the recorded AWS answer holds it.
    expect(answer).toMatchObject({ ok: false, code: 'NoSuchEntityException', status: 404 });
    book.check('simulate-not-found', answer);
  });

  it("refuses an STS session's ARN (InvalidInput), as users report it", async () => {
    const session = `arn:aws:sts::${target.accounts.consumer}:assumed-role/MeshbotConsumer/conformance`;
    const answer = await answerOf(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: session, ActionNames: ['glue:GetTable'] })));
    expect(answer).toEqual({ ok: false, code: 'InvalidInputException', message: `Invalid Entity Arn: ${session} does not clearly define entity type and name.`, status: 400 });
    book.check('simulate-session-arn', answer);
  });
});
