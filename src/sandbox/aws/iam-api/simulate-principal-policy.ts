import { isWildcardOnlyAction } from '@cloud-copilot/iam-simulate';
import * as z from 'zod';
import { AwsError } from '../aws-error';
import { checkEvaluator, IamSimulationError, type IamPrincipal } from '../iam/evaluate-check';
import type { IamCheck, IamDecision } from '../iam/iam-check';
import { iamPrincipalOf } from '../iam/iam-principal';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import type { World } from '../world';
import { entityExists, type EntityArn, noSuchEntity, parseEntityArn } from './iam-entities';

// Sources: IAM API Reference, "SimulatePrincipalPolicy"
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html: "Each API in the ActionNames
// parameter is evaluated for each resource"; ResourceArns "defaults to * (all resources)"; MaxItems defaults to 100;
// "The simulation does not automatically retrieve policies for the specified resources") and "EvaluationResult"
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html: a cross-account request "is allowed
// only if both evaluations return true"); IAM service model (botocore iam/2010-05-08 service-2.json, shapes
// `SimulatePrincipalPolicyRequest`, `SimulatePolicyResponse`, `EvaluationResult`, `ResourceSpecificResult`,
// `PolicyEvaluationDecisionType` = allowed | explicitDeny | implicitDeny, `maxItemsType` 1–1000); the InvalidInput
// texts as users of the real service report them (see `invalidEntityArn`, `invalidResourceArn`).

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
  ContextEntries: queryList(ContextEntrySchema).optional(),
  MaxItems: z.coerce.number().int().min(1).max(1000).optional(),
  Marker: z.string().min(1).max(320).optional(),
  // Members of the API the emulator does not simulate: a request naming one is refused, not answered wrongly.
  PolicyInputList: z.unknown().optional(),
  PermissionsBoundaryPolicyInputList: z.unknown().optional(),
  ResourcePolicy: z.unknown().optional(),
  ResourceOwner: z.unknown().optional(),
  CallerArn: z.unknown().optional(),
  ResourceHandlingOption: z.unknown().optional(),
});

type Input = z.infer<typeof SimulatePrincipalPolicyInputSchema>;

const UNSIMULATED = ['PolicyInputList', 'PermissionsBoundaryPolicyInputList', 'ResourcePolicy', 'ResourceOwner', 'CallerArn', 'ResourceHandlingOption'] as const;

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
 * The principal the simulation evaluates: the entity's identity policies and the global condition
 * keys a request of it carries, built as for a live call (iam/iam-principal.ts). A role acts only
 * through its sessions, so its aws:PrincipalType is AssumedRole.
 */
function simulatedPrincipal(world: World, entity: EntityArn): IamPrincipal {
  const principal = iamPrincipalOf(world, { accountId: entity.accountId, arn: entity.arn, principalArn: entity.arn, accessKeyId: '' });
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

/** The account that owns a simulated resource: the one its ARN names, else the simulated entity's (API reference, `ResourceOwner`). */
function ownerOf(resource: string, entity: EntityArn): string {
  return /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? entity.accountId;
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
 * every emulated call goes through, iam/evaluate-check.ts) with the entity's identity policies and no
 * resource policy; a resource in another account is therefore an implicit deny. Paginated with
 * MaxItems / Marker. ContextEntries supply condition keys (over the global keys the emulator sets).
 * The caller needs iam:SimulatePrincipalPolicy on the entity (iam/iam-actions.ts).
 *
 * Not modelled: MatchedStatements, MissingContextValues, EvalDecisionDetails, permissions boundaries,
 * groups (the world has none: a group ARN is NoSuchEntity); the members in `UNSIMULATED` are refused.
 * An action without resource types is evaluated on `*`, as a live request is authorized, whatever
 * resource it is simulated on. An action or resource iam-simulate cannot evaluate (an unknown service or
 * action, an ARN of no resource type of the action) is refused with InvalidInput naming it, where AWS's
 * simulator may still answer (docs silent).
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

  const pairs = input.ActionNames.flatMap((action) => resources.map((resource) => ({ action, resource })));
  const page = paginate(pairs, { scope: `SimulatePrincipalPolicy ${entity.arn}`, token: input.Marker, size: input.MaxItems ?? DEFAULT_MAX_ITEMS, badTokenCode: 'InvalidInput' });
  const evaluate = checkEvaluator(simulatedPrincipal(ctx.world, entity));
  const context = contextOf(input);
  const results = [];
  for (const { action, resource } of page.items) {
    // An action without resource types is authorized on `*` whatever resource it is simulated on (docs silent on the simulator's answer).
    const checked = resource !== '*' && (await onlyOnWildcard(action)) ? '*' : resource;
    const check: IamCheck = { action, resource: checked, resourceAccount: checked === '*' ? entity.accountId : ownerOf(resource, entity), context };
    let decision: IamDecision;
    try {
      decision = await evaluate(check);
    } catch (error) {
      if (error instanceof IamSimulationError) throw new AwsError('InvalidInput', `The sandbox emulator cannot simulate ${action} on ${resource}: ${error.message}`, 400);
      throw error;
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
