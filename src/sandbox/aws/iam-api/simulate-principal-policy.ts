import { isWildcardOnlyAction } from '@cloud-copilot/iam-simulate';
import * as z from 'zod';
import { AwsError } from '../aws-error';
import { checkEvaluator, IamSimulationError, type IamPrincipal } from '../iam/evaluate-check';
import type { IamCheck, IamDecision } from '../iam/iam-check';
import { iamPrincipalOf } from '../iam/iam-principal';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import type { PolicyDocument, World } from '../world';
import { entityExists, type EntityArn, noSuchEntity, parseEntityArn } from './iam-entities';

// Sources: IAM API Reference, "SimulatePrincipalPolicy"
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html: "Each API in the ActionNames
// parameter is evaluated for each resource"; ResourceArns "defaults to * (all resources)"; MaxItems defaults to 100;
// "The simulation does not automatically retrieve policies for the specified resources"; the members ResourcePolicy,
// ResourceOwner and CallerArn quoted where they are used) and "EvaluationResult"
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html: a cross-account request "is allowed
// only if both evaluations return true"); IAM service model (botocore iam/2010-05-08 service-2.json, shapes
// `SimulatePrincipalPolicyRequest` (ResourcePolicy a `policyDocumentType`, 1–131072 characters; ResourceOwner and
// CallerArn `ResourceNameType`, 1–2048), `SimulatePolicyResponse`, `EvaluationResult`, `ResourceSpecificResult`,
// `PolicyEvaluationDecisionType` = allowed | explicitDeny | implicitDeny, `maxItemsType` 1–1000; the operation's errors
// NoSuchEntity, InvalidInput, PolicyEvaluation); the InvalidInput texts as users of the real service report them (see
// `invalidEntityArn`, `invalidResourceArn`, `invalidCaller`, `invalidResourceOwner`).

const ActionNameSchema = z.string().min(3).max(128);
const ResourceNameSchema = z.string().min(1).max(2048);

// awsQuery sends an empty list as a bare `Name=` (an empty string once parsed).
const queryList = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === '' ? [] : v), z.array(item));

const ContextEntrySchema = z.object({
  ContextKeyName: z.string().min(5).max(256).optional(),
  ContextKeyValues: queryList(z.string()).optional(),
  ContextKeyType: z.string().optional(),
});

export const SimulatePrincipalPolicyInputSchema = z.object({
  PolicySourceArn: z.string().min(20).max(2048),
  ActionNames: queryList(ActionNameSchema),
  ResourceArns: queryList(ResourceNameSchema).optional(),
  ResourcePolicy: z.string().min(1).max(131_072).optional(),
  ResourceOwner: z.string().min(1).max(2048).optional(),
  CallerArn: z.string().min(1).max(2048).optional(),
  ContextEntries: queryList(ContextEntrySchema).optional(),
  MaxItems: z.coerce.number().int().min(1).max(1000).optional(),
  Marker: z.string().min(1).max(320).optional(),
  // Members of the API the emulator does not simulate: a request naming one is refused, not answered wrongly.
  PolicyInputList: z.unknown().optional(),
  PermissionsBoundaryPolicyInputList: z.unknown().optional(),
  ResourceHandlingOption: z.unknown().optional(),
});

type Input = z.infer<typeof SimulatePrincipalPolicyInputSchema>;

const UNSIMULATED = ['PolicyInputList', 'PermissionsBoundaryPolicyInputList', 'ResourceHandlingOption'] as const;

const DEFAULT_MAX_ITEMS = 100;

/**
 * A PolicySourceArn that names no user, group or role: InvalidInput, in the words users report for an
 * STS session's ARN (aws-containers/amazon-ecs-exec-checker pull request #10: "Invalid Entity Arn:
 * arn:aws:sts::<ACCOUNT_ID>:assumed-role/<ROLE_NAME>/<SSO_IDENTIFIER> does not clearly define entity
 * type and name."; newrelic/newrelic-lambda-cli issue #96). The API reference is silent on the text.
 */
function invalidEntityArn(arn: string): AwsError {
  return new AwsError('InvalidInput', `Invalid Entity Arn: ${arn} does not clearly define entity type and name.`, 400);
}

/**
 * A resource that is neither `*` nor an ARN: InvalidInput, as users report it
 * (aws-containers/amazon-ecs-exec-checker issue #35: "ResourceNames are not in a valid ARN format:
 * 14a050d4-…."). The API reference is silent on the text.
 */
function invalidResourceArn(resource: string): AwsError {
  return new AwsError('InvalidInput', `ResourceNames are not in a valid ARN format: ${resource}.`, 400);
}

/**
 * A caller that is not an IAM user where the simulation needs one: InvalidInput. The API reference,
 * CallerArn: "You can specify only the ARN of an IAM user. You cannot specify the ARN of an assumed
 * role, federated user, or a service principal", and "CallerArn is required if you include a
 * ResourcePolicy and the PolicySourceArn is not the ARN for an IAM user. This is required so that the
 * resource-based policy's Principal element has a value to use in evaluating the policy". The text is
 * the one a user of the real service reports for a role simulated with a ResourcePolicy
 * (ScottLogic/blog, _posts/2025-04-03-automated-iam-policy-simulator-testing.md: "Invalid caller -
 * Caller must be an IAM user in this context."); the reference is silent on it, and on whether a
 * CallerArn of another kind gets the same one.
 */
function invalidCaller(): AwsError {
  return new AwsError('InvalidInput', 'Invalid caller - Caller must be an IAM user in this context.', 400);
}

/**
 * A ResourceOwner that is not an account's ARN, `arn:aws:iam::<account>:root` (the spelling the API
 * reference gives for the same member of SimulateCustomPolicy, "The ARN for an account uses the
 * following syntax: arn:aws:iam::AWS-account-ID:root", and the one users pass to
 * SimulatePrincipalPolicy, aws/aws-cli issue #10314): InvalidInput, in the words IAM answers a bare
 * account id with (boto/botocore issue #1346: "'123456789012' is not a valid as a Resource Owner.").
 * SimulatePrincipalPolicy's own text says "An Amazon Web Services account ID", which IAM refuses as
 * that issue shows. The same reporter saw the root ARN refused too, for a role simulated without a
 * ResourcePolicy; the emulator accepts it there (docs silent on why AWS refused it).
 */
function invalidResourceOwner(owner: string): AwsError {
  return new AwsError('InvalidInput', `'${owner}' is not a valid as a Resource Owner.`, 400);
}

/**
 * A ResourcePolicy that is not a policy document (not JSON, not an object, or a statement iam-simulate's
 * validation of resource policies refuses): InvalidInput. The model lists InvalidInput ("an invalid or
 * out-of-range value was supplied for an input parameter") and PolicyEvaluation (HTTP 500, "a provided
 * policy could not be successfully evaluated") for the operation, not MalformedPolicyDocument; which of
 * the two IAM answers a malformed ResourcePolicy with, and in which words, the docs do not say.
 */
function malformedResourcePolicy(reason: string): AwsError {
  return new AwsError('InvalidInput', `ResourcePolicy is not a valid policy document: ${reason}`, 400);
}

const ACCOUNT_ROOT_ARN = /^arn:aws:iam::(\d{12}):root$/;

/** The account a ResourceOwner names, or InvalidInput. */
function resourceOwnerOf(owner: string): string {
  const account = ACCOUNT_ROOT_ARN.exec(owner)?.[1];
  if (account === undefined) throw invalidResourceOwner(owner);
  return account;
}

/** The ResourcePolicy as a document; iam-simulate validates its statements when it evaluates them. */
function resourcePolicyOf(text: string): PolicyDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw malformedResourcePolicy(`${(error as Error).message}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformedResourcePolicy('it is not a JSON object.');
  return parsed as PolicyDocument;
}

/**
 * The IAM user the simulated calls are made as (API reference, CallerArn): the CallerArn, which must
 * name a user; if none is given, the PolicySourceArn when it is a user ("it defaults to the ARN of the
 * user that you specify in PolicySourceArn, if you specified a user"); else none, and the simulation
 * runs as the role itself. The user need not exist, nor be of the caller's account (docs silent on
 * both; only its ARN enters the evaluation).
 */
function simulatedCaller(input: Input, entity: EntityArn): EntityArn | undefined {
  if (input.CallerArn === undefined) return entity.kind === 'user' ? entity : undefined;
  const caller = parseEntityArn(input.CallerArn);
  if (caller?.kind !== 'user') throw invalidCaller();
  return caller;
}

/**
 * The principal the simulation evaluates: the entity's identity policies, and the ARN and global
 * condition keys of a request made by the simulated caller, built as for a live call
 * (iam/iam-principal.ts). "If you include both a PolicySourceArn … and a CallerArn …, the result is that
 * you simulate calling the API operations as Bob, as if Bob had David's policies" (API reference,
 * CallerArn). Without a caller a role is the principal; it acts only through its sessions, so its
 * aws:PrincipalType is AssumedRole.
 */
function simulatedPrincipal(world: World, entity: EntityArn, caller: EntityArn | undefined): IamPrincipal {
  const requester = (arn: EntityArn): IamPrincipal => iamPrincipalOf(world, { accountId: arn.accountId, arn: arn.arn, principalArn: arn.arn, accessKeyId: '' });
  const principal = requester(entity);
  if (caller !== undefined) return { ...requester(caller), identityPolicies: principal.identityPolicies };
  return entity.kind === 'role' ? { ...principal, context: { ...principal.context, 'aws:PrincipalType': 'AssumedRole' } } : principal;
}

/** The request's ContextEntries as condition keys: a key given one value of a scalar type is a string, otherwise a list. */
function contextOf(input: Input): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const entry of input.ContextEntries ?? []) {
    if (entry.ContextKeyName === undefined) continue;
    const values = entry.ContextKeyValues ?? [];
    const list = entry.ContextKeyType?.endsWith('List') === true;
    context[entry.ContextKeyName] = !list && values.length === 1 ? (values[0] ?? '') : values;
  }
  return context;
}

/**
 * The account that owns a simulated resource: the one its ARN names; else ResourceOwner ("the owner of
 * any simulated resource that does not identify its owner in the resource ARN. Examples of resource ARNs
 * include an S3 bucket or object"); else the simulated caller's account ("If the ResourceOwner parameter
 * is not specified, then the owner of the resources and the resource policy defaults to the account of
 * the identity provided in CallerArn"), and the entity's when there is no caller (docs silent).
 */
function ownerOf(resource: string, resourceOwner: string | undefined, callerAccount: string): string {
  return /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? resourceOwner ?? callerAccount;
}

/**
 * Whether an action has no resource types (Service Authorization Reference: such actions are
 * authorized on `*` only, e.g. lakeformation:GrantPermissions). False for an action the reference does
 * not list; the evaluation then refuses it.
 */
async function onlyOnWildcard(action: string): Promise<boolean> {
  const [service = '', name = ''] = action.split(':');
  try {
    return await isWildcardOnlyAction(service, name);
  } catch {
    return false;
  }
}

function evalDecision(decision: IamDecision): 'allowed' | 'explicitDeny' | 'implicitDeny' {
  if (decision.allowed) return 'allowed';
  return decision.explicit ? 'explicitDeny' : 'implicitDeny';
}

/**
 * IAM SimulatePrincipalPolicy for a role or user of the caller's account: one EvaluationResult per
 * (action, resource) pair, action by action, each decided by the emulator's own IAM evaluation (the one
 * every emulated call goes through, iam/evaluate-check.ts, which a live S3 call reaches with the bucket
 * policy and the bucket owner's account, iam/s3-actions.ts) with the entity's identity policies and, if
 * given, the ResourcePolicy as the policy of every resource ("Each resource in the simulation is treated
 * as if it had this policy attached"). Within the resource owner's account either policy may allow; a
 * resource of another account needs both (EvaluationResult, EvalDecisionDetails), so without a
 * ResourcePolicy it is an implicit deny. Paginated with MaxItems / Marker. The caller needs
 * iam:SimulatePrincipalPolicy on the entity (iam/iam-actions.ts).
 *
 * Condition keys: the global keys a live request of the simulated caller carries (iam/iam-principal.ts)
 * and aws:ResourceAccount = the resource's owner (the ARN's account, else ResourceOwner), as
 * iam/evaluate-check.ts sets it for every live check; ContextEntries override them. The API reference
 * does not say which context keys the simulator itself supplies (it says only that ContextEntries are
 * supplied "whenever a context key is evaluated"), so a policy conditioned on aws:ResourceAccount may be
 * decided otherwise by AWS's simulator unless the key is given in ContextEntries.
 *
 * Resource policies are simulated for IAM users only, as the reference says (the operation: "one
 * resource-based policy … for IAM users only"; ResourcePolicy: "Simulation of resource-based policies
 * isn't supported for IAM roles"): a role with a ResourcePolicy needs a CallerArn, a user ARN, and the
 * resource policy's Principal is then matched against that user, not the role.
 *
 * Not modelled: MatchedStatements, MissingContextValues, EvalDecisionDetails (the reference does not name
 * its keys), permissions boundaries, groups (the world has none: a group ARN is NoSuchEntity); the members
 * in `UNSIMULATED` are refused. An action without resource types is evaluated on `*` in the caller's
 * account, as a live request is authorized, whatever resource it is simulated on. An action or resource
 * iam-simulate cannot evaluate (an unknown service or action, an ARN of no resource type of the action)
 * is refused with InvalidInput naming it, where AWS's simulator may still answer (docs silent).
 */
export const simulatePrincipalPolicy = operation(SimulatePrincipalPolicyInputSchema, async (ctx, input) => {
  const given = UNSIMULATED.find((member) => input[member] !== undefined);
  if (given !== undefined) throw new AwsError('InvalidInput', `The sandbox emulator does not simulate ${given}; leave it out.`, 400);
  const entity = parseEntityArn(input.PolicySourceArn);
  if (!entity) throw invalidEntityArn(input.PolicySourceArn);
  // IAM is per account: the entity is looked up in the caller's.
  if (entity.accountId !== ctx.caller.accountId || !entityExists(ctx.world, entity)) throw noSuchEntity(entity.kind, entity.name);
  const resources = input.ResourceArns === undefined || input.ResourceArns.length === 0 ? ['*'] : input.ResourceArns;
  const wrong = resources.find((r) => r !== '*' && !r.startsWith('arn:'));
  if (wrong !== undefined) throw invalidResourceArn(wrong);
  const caller = simulatedCaller(input, entity);
  if (input.ResourcePolicy !== undefined && caller === undefined) throw invalidCaller();
  const resourcePolicy = input.ResourcePolicy === undefined ? undefined : resourcePolicyOf(input.ResourcePolicy);
  const resourceOwner = input.ResourceOwner === undefined ? undefined : resourceOwnerOf(input.ResourceOwner);
  const callerAccount = caller?.accountId ?? entity.accountId;

  const pairs = input.ActionNames.flatMap((action) => resources.map((resource) => ({ action, resource })));
  const page = paginate(pairs, { scope: `SimulatePrincipalPolicy ${entity.arn}`, token: input.Marker, size: input.MaxItems ?? DEFAULT_MAX_ITEMS, badTokenCode: 'InvalidInput' });
  const evaluate = checkEvaluator(simulatedPrincipal(ctx.world, entity, caller));
  const context = contextOf(input);
  const results = [];
  for (const { action, resource } of page.items) {
    // An action without resource types is authorized on `*` whatever resource it is simulated on (docs silent on the simulator's answer).
    const checked = resource !== '*' && (await onlyOnWildcard(action)) ? '*' : resource;
    const check: IamCheck = {
      action,
      resource: checked,
      resourceAccount: checked === '*' ? callerAccount : ownerOf(resource, resourceOwner, callerAccount),
      context,
      ...(resourcePolicy && { resourcePolicy }),
    };
    let decision: IamDecision;
    try {
      decision = await evaluate(check);
    } catch (error) {
      if (!(error instanceof IamSimulationError)) throw error;
      const policyErrors = error.errors?.resourcePolicyErrors;
      if (policyErrors !== undefined && policyErrors.length > 0) throw malformedResourcePolicy(policyErrors.map((e) => `${e.path}: ${e.message}`).join('; '));
      throw new AwsError('InvalidInput', `The sandbox emulator cannot simulate ${action} on ${resource}: ${error.message}`, 400);
    }
    const EvalDecision = evalDecision(decision);
    results.push({
      EvalActionName: action,
      EvalResourceName: resource,
      EvalDecision,
      ...(resource !== '*' && { ResourceSpecificResults: [{ EvalResourceName: resource, EvalResourceDecision: EvalDecision }] }),
    });
  }
  return { EvaluationResults: results, IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
});
