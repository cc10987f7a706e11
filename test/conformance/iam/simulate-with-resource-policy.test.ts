import { IAMClient, SimulatePrincipalPolicyCommand, type SimulatePrincipalPolicyCommandInput, type SimulatePrincipalPolicyCommandOutput } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketReadStatement } from '../../../infra/bucket-read-statement';
import { ROLE_NAMES, roleArn } from '../../../src/mesh/domain/account-roles';
import { answerBook, answerOf } from '../support/answer-book';
import { startConformanceTarget, type ConformanceTarget } from '../support/conformance-target';

/**
 * IAM SimulatePrincipalPolicy with `ResourcePolicy`, `ResourceOwner` and `CallerArn`, as the IAM API
 * Reference describes them (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html):
 * - the operation: "You can also optionally include one resource-based policy to be evaluated with each
 *   of the resources included in the simulation for IAM users only"; ResourcePolicy: "Simulation of
 *   resource-based policies isn't supported for IAM roles";
 * - CallerArn: "CallerArn is required if you include a ResourcePolicy and the PolicySourceArn is not the
 *   ARN for an IAM user. This is required so that the resource-based policy's Principal element has a
 *   value to use in evaluating the policy"; "you simulate calling the API operations as Bob, as if Bob
 *   had David's policies"; the refusal's text as a user of the real service reports it
 *   (ScottLogic/blog, _posts/2025-04-03-automated-iam-policy-simulator-testing.md: "Invalid caller -
 *   Caller must be an IAM user in this context.");
 * - ResourceOwner: the owner "of any simulated resource that does not identify its owner in the resource
 *   ARN", e.g. an S3 bucket or object, and of the ResourcePolicy; spelled `arn:aws:iam::<account>:root`
 *   (SimulateCustomPolicy's text for the same member); a bare account id is refused (boto/botocore issue
 *   #1346: "'123456789012' is not a valid as a Resource Owner.");
 * - EvaluationResult, EvalDecisionDetails: across accounts the request "is allowed only if both
 *   evaluations return true"; within one account either policy may allow (IAM User Guide, "Policy
 *   evaluation logic").
 *
 * Runs as the mesh account's administrator on the mesh stack's MeshbotDataAccess (s3:GetObject and
 * s3:ListBucket on buckets whose aws:ResourceAccount is a producer's: the producer account must be one of
 * the stack's producers) and MeshbotMeshReadOnly (no S3 permission), on a bucket of the producer account
 * that need not exist ("You can simulate resources that don't exist in your account"). CallerArn names
 * a user of the mesh account that need not exist either (docs silent on whether it must). Which context
 * keys AWS's simulator supplies is not documented: the aws:ResourceAccount case records what it does.
 */

let target: ConformanceTarget;
let book: ReturnType<typeof answerBook>;
let iam: IAMClient;
let dataAccess = '';
let caller = '';
let bucketArn = '';

type Input = Partial<Omit<SimulatePrincipalPolicyCommandInput, 'ActionNames' | 'ResourceArns'>>;

const policy = (...statements: Record<string, unknown>[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** Allow s3:GetObject and s3:ListBucket on the bucket to `principal` (an ARN). */
function reads(principal: string): Record<string, unknown> {
  return { Effect: 'Allow', Principal: { AWS: principal }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [bucketArn, `${bucketArn}/*`] };
}

const accountRoot = (account: string): string => `arn:aws:iam::${account}:root`;

/** s3:GetObject on an object and s3:ListBucket on the bucket (each action on its resource type), one call each. */
function simulate(input: Input): Promise<[SimulatePrincipalPolicyCommandOutput, SimulatePrincipalPolicyCommandOutput]> {
  const send = (action: string, resource: string): Promise<SimulatePrincipalPolicyCommandOutput> =>
    iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: dataAccess, ...input, ActionNames: [action], ResourceArns: [resource] }));
  return Promise.all([send('s3:GetObject', `${bucketArn}/x`), send('s3:ListBucket', bucketArn)]);
}

/** Each action's decision, and how the calls were answered. */
async function decide(input: Input): Promise<{ answer: Awaited<ReturnType<typeof answerOf>>; decisions: Record<string, string | undefined> }> {
  const call = simulate(input);
  const answer = await answerOf(call);
  if (!answer.ok) return { answer, decisions: {} };
  const results = (await call).flatMap((a) => a.EvaluationResults ?? []);
  return { answer, decisions: Object.fromEntries(results.map((r) => [r.EvalActionName ?? '', r.EvalDecision] as const)) };
}

beforeAll(async () => {
  target = await startConformanceTarget();
  book = answerBook(target, 'iam-simulate-with-resource-policy');
  iam = new IAMClient(target.as('mesh'));
  dataAccess = roleArn(target.accounts.mesh, ROLE_NAMES.dataAccess);
  caller = `arn:aws:iam::${target.accounts.mesh}:user/${target.name('caller')}`;
  bucketArn = `arn:aws:s3:::${target.name('data').replaceAll('_', '-')}`;
});

afterAll(async () => {
  book.save();
  iam.destroy();
  await target.close();
});

describe('SimulatePrincipalPolicy with ResourcePolicy, ResourceOwner and CallerArn', () => {
  it('refuses a role with a ResourcePolicy and no CallerArn (InvalidInput): resource policies are simulated for IAM users only', async () => {
    const { answer } = await decide({ ResourcePolicy: policy(reads(dataAccess)), ResourceOwner: accountRoot(target.accounts.producer) });
    expect(answer).toEqual({ ok: false, code: 'InvalidInputException', message: 'Invalid caller - Caller must be an IAM user in this context.', status: 400 });
    book.check('role-without-caller', answer);
  });

  it("across accounts, allows what both the role's policies and a resource policy letting the caller's account in allow", async () => {
    const { answer, decisions } = await decide({ ResourcePolicy: policy(reads(accountRoot(target.accounts.mesh))), ResourceOwner: accountRoot(target.accounts.producer), CallerArn: caller });
    expect(answer).toEqual({ ok: true });
    expect(decisions).toEqual({ 's3:GetObject': 'allowed', 's3:ListBucket': 'allowed' });
    book.check('cross-account-allowed', answer);
  });

  it("matches the resource policy's Principal against the CallerArn: the deploy guide's statement naming the role does not apply (implicitDeny)", async () => {
    const statement = bucketReadStatement({ meshAccountId: target.accounts.mesh, bucket: bucketArn.slice('arn:aws:s3:::'.length), prefix: '' });
    const { answer, decisions } = await decide({ ResourcePolicy: policy(statement), ResourceOwner: accountRoot(target.accounts.producer), CallerArn: caller });
    expect(answer).toEqual({ ok: true });
    expect(decisions).toEqual({ 's3:GetObject': 'implicitDeny', 's3:ListBucket': 'implicitDeny' });
    book.check('principal-is-the-caller', answer);
  });

  it('names a Deny statement of the resource policy explicitDeny', async () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `${bucketArn}/*` };
    const resourcePolicy = policy(reads(accountRoot(target.accounts.mesh)), deny);
    const { answer, decisions } = await decide({ ResourcePolicy: resourcePolicy, ResourceOwner: accountRoot(target.accounts.producer), CallerArn: caller });
    expect(answer).toEqual({ ok: true });
    expect(decisions).toEqual({ 's3:GetObject': 'explicitDeny', 's3:ListBucket': 'allowed' });
    book.check('resource-policy-deny', answer);
  });

  it('is an implicit deny across accounts without a ResourcePolicy, ResourceOwner given', async () => {
    const { answer, decisions } = await decide({ ResourceOwner: accountRoot(target.accounts.producer) });
    expect(answer).toEqual({ ok: true });
    expect(decisions).toEqual({ 's3:GetObject': 'implicitDeny', 's3:ListBucket': 'implicitDeny' });
    book.check('owner-without-policy', answer);
  });

  it("takes aws:ResourceAccount from ResourceOwner: a bucket of an account that is no producer's is refused by the role's own policy", async () => {
    const { answer, decisions } = await decide({ ResourcePolicy: policy(reads(accountRoot(target.accounts.mesh))), ResourceOwner: accountRoot(target.accounts.consumer), CallerArn: caller });
    expect(answer).toEqual({ ok: true });
    expect(decisions).toEqual({ 's3:GetObject': 'implicitDeny', 's3:ListBucket': 'implicitDeny' });
    book.check('owner-sets-resource-account', answer);
  });

  it("within the owner's account, allows what the resource policy alone allows", async () => {
    const readOnly = roleArn(target.accounts.mesh, ROLE_NAMES.meshReadOnly);
    const granted = await decide({ PolicySourceArn: readOnly, ResourcePolicy: policy(reads(caller)), CallerArn: caller });
    expect(granted.answer).toEqual({ ok: true });
    expect(granted.decisions).toEqual({ 's3:GetObject': 'allowed', 's3:ListBucket': 'allowed' });
    book.check('same-account-resource-policy-allows', granted.answer);
    const silent = await decide({ PolicySourceArn: readOnly, ResourcePolicy: policy(reads(accountRoot(target.accounts.producer))), CallerArn: caller });
    expect(silent.decisions).toEqual({ 's3:GetObject': 'implicitDeny', 's3:ListBucket': 'implicitDeny' });
  });

  it("refuses a ResourceOwner that is a bare account id (InvalidInput), in IAM's words", async () => {
    const { answer } = await decide({ ResourcePolicy: policy(reads(accountRoot(target.accounts.mesh))), ResourceOwner: target.accounts.producer, CallerArn: caller });
    expect(answer).toEqual({ ok: false, code: 'InvalidInputException', message: `'${target.accounts.producer}' is not a valid as a Resource Owner.`, status: 400 });
    book.check('owner-bare-account-id', answer);
  });

  it('refuses a ResourcePolicy that is not JSON (InvalidInput; the docs name neither the error nor its text)', async () => {
    const { answer } = await decide({ ResourcePolicy: '{not json', ResourceOwner: accountRoot(target.accounts.producer), CallerArn: caller });
    expect(answer).toMatchObject({ ok: false, code: 'InvalidInputException', status: 400 });
    book.check('policy-not-json', answer);
  });
});
