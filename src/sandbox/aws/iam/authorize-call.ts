import { AwsError } from '../aws-error';
import type { Caller } from '../operation';
import type { ServiceName } from '../service-name';
import type { World } from '../world';
import { SERVICE_ERROR_CODES } from '../wire/service-errors';
import { accessDeniedError } from './access-denied';
import { checkEvaluator, IamSimulationError } from './evaluate-check';
import type { IamCheck, IamDecision } from './iam-check';
import { iamPrincipalOf } from './iam-principal';
import { SERVICE_ACTIONS } from './service-actions';

/** What a handler may ask of IAM: the decision on a check evaluated before it ran (an advisory one). */
export interface CallIam {
  /** Whether IAM allowed `action` on `resource` for this call; throws for a check the mapping did not make. */
  allowed(action: string, resource: string): boolean;
  /** How IAM decided `action` on `resource` for this call (to word a refusal); throws for a check the mapping did not make. */
  decision(action: string, resource: string): IamDecision;
  /** Whether no check of this call on `resource` was denied (true for a resource the mapping did not check). */
  allowedOn(resource: string): boolean;
}

const keyOf = (action: string, resource: string): string => `${action} ${resource}`;

/**
 * Authorize a call as AWS does before the service acts on it (IAM User Guide, "Understanding how IAM
 * works": every request is authorized against the policies that apply): map the operation to its
 * checks, evaluate each, and refuse the call in the service's error shape at the first one denied.
 * Advisory checks are evaluated and left to the handler. The checks see the world as the call found
 * it, before the handler runs.
 */
export async function authorizeCall(service: ServiceName, call: { operation: string; input: unknown; world: World; caller: Caller }): Promise<CallIam> {
  const { world, caller } = call;
  const checks = SERVICE_ACTIONS[service]({ ...call, region: world.region });
  const evaluate = checkEvaluator(iamPrincipalOf(world, caller));
  const decisions = new Map<string, IamDecision>();
  const unique = new Map<string, IamCheck>();
  for (const check of checks) if (!unique.has(keyOf(check.action, check.resource))) unique.set(keyOf(check.action, check.resource), check);
  for (const [key, check] of unique) {
    let decision: IamDecision;
    try {
      decision = await evaluate(check);
    } catch (error) {
      if (error instanceof IamSimulationError) throw new AwsError(SERVICE_ERROR_CODES[service].internal, `An internal error occurred (${error.message}).`, 500);
      throw error;
    }
    decisions.set(key, decision);
    if (!decision.allowed && check.advisory !== true) throw accessDeniedError(service, caller.arn, caller.accountId, check, decision);
  }
  return {
    allowed(action, resource) {
      const decision = decisions.get(keyOf(action, resource));
      if (!decision) throw new TypeError(`IAM did not evaluate ${action} on ${resource} for this call`);
      return decision.allowed;
    },
    decision(action, resource) {
      const decision = decisions.get(keyOf(action, resource));
      if (!decision) throw new TypeError(`IAM did not evaluate ${action} on ${resource} for this call`);
      return decision;
    },
    allowedOn(resource) {
      return [...unique].every(([key, check]) => check.resource !== resource || decisions.get(key)?.allowed !== false);
    },
  };
}
