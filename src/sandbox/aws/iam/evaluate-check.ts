import { getDenialReasons, runSimulation, type RequestAnalysis, type Simulation, type SimulationErrors } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '../world';
import type { IamCheck, IamDecision } from './iam-check';

/**
 * Evaluate one check with @cloud-copilot/iam-simulate, which applies the IAM policy evaluation
 * logic (IAM User Guide, "Policy evaluation logic": explicit deny, identity and resource policies,
 * same-account and cross-account rules, every condition operator) and validates the action and the
 * resource ARN's type against the Service Authorization Reference.
 */

/** The principal's side of a request: who asks, with which identity policies and global condition keys. */
export interface IamPrincipal {
  /** The caller's ARN: `arn:aws:iam::A:user/N` or `arn:aws:sts::A:assumed-role/R/session`. */
  arn: string;
  identityPolicies: Record<string, PolicyDocument>;
  context: Record<string, string | string[]>;
}

/** A check iam-simulate cannot run (unknown action, an ARN of no resource type of the action, a malformed policy): a bug in the emulator's mapping or a stored policy. */
export class IamSimulationError extends Error {
  override readonly name = 'IamSimulationError';

  /** What iam-simulate found wrong, by policy (`resourcePolicyErrors` for the resource policy), when it refused the input. */
  readonly errors: SimulationErrors | undefined;

  constructor(message: string, errors?: SimulationErrors) {
    super(message);
    this.errors = errors;
  }
}

// Simulations are pure functions of their input and cost most in matching ARNs to resource types, so
// repeated requests (the same table read again, every Lake Formation call on `*`) are answered from
// a bounded cache keyed by the whole input: per principal (its policies and context), then per check.
const PRINCIPALS_CACHED = 64;
const CHECKS_CACHED = 10_000;
const cache = new Map<string, Map<string, IamDecision>>();

/** The decisions cached for a principal, most recently used last. */
function decisionsOf(principalKey: string): Map<string, IamDecision> {
  let decisions = cache.get(principalKey);
  if (decisions) {
    cache.delete(principalKey);
  } else {
    decisions = new Map();
    if (cache.size >= PRINCIPALS_CACHED) cache.delete(cache.keys().next().value ?? '');
  }
  cache.set(principalKey, decisions);
  return decisions;
}

function decisionOf(analysis: RequestAnalysis | undefined): IamDecision {
  if (analysis?.result === 'Allowed') return { allowed: true };
  const reasons = analysis ? getDenialReasons(analysis) : [];
  const explicit = reasons.find((r) => r.denialType === 'Explicit' && (r.policyType === 'identity' || r.policyType === 'resource'));
  if (explicit) return { allowed: false, policyType: explicit.policyType === 'resource' ? 'resource' : 'identity', explicit: true };
  const implicit = reasons.find((r) => r.policyType === 'identity' || r.policyType === 'resource');
  // Across accounts an identity policy that allows is not enough; then the resource side refused.
  const policyType = implicit?.policyType ?? (analysis?.identityAnalysis?.result === 'Allowed' ? 'resource' : 'identity');
  return { allowed: false, policyType: policyType === 'resource' ? 'resource' : 'identity', explicit: false };
}

// A resource policy's part of a cache key: a short id per distinct policy text (a RAM share's can list
// thousands of ARNs), the text read once per policy object (the world's stay the same objects until
// replaced; the mappings build each resource policy once per call).
const policyKeys = new WeakMap<object, string>();
const policyIds = new Map<string, string>();
let nextPolicyId = 0;

function policyKey(policy: PolicyDocument | undefined): string {
  if (policy === undefined) return '';
  let key = policyKeys.get(policy);
  if (key === undefined) {
    const text = JSON.stringify(policy);
    key = policyIds.get(text);
    if (key === undefined) {
      if (policyIds.size >= 1000) policyIds.clear();
      nextPolicyId += 1;
      key = `policy-${nextPolicyId}`;
      policyIds.set(text, key);
    }
    policyKeys.set(policy, key);
  }
  return key;
}

/** An evaluator of checks for one principal: whether IAM allows each, and if not, which policy type refused it. */
export function checkEvaluator(principal: IamPrincipal): (check: IamCheck) => Promise<IamDecision> {
  const principalKey = JSON.stringify([principal.arn, principal.context, principal.identityPolicies]);
  const identityPolicies = Object.entries(principal.identityPolicies).map(([name, policy]) => ({ name, policy }));
  const decisions = decisionsOf(principalKey);
  return async (check) => {
    const key = JSON.stringify([check.action, check.resource, check.resourceAccount, check.context ?? {}, policyKey(check.resourcePolicy)]);
    const cached = decisions.get(key);
    if (cached) {
      decisions.delete(key);
      decisions.set(key, cached);
      return cached;
    }
    const simulation: Simulation = {
      request: {
        principal: principal.arn,
        action: check.action,
        resource: { resource: check.resource, accountId: check.resourceAccount },
        // aws:ResourceAccount is the resource owner's account (IAM User Guide, "AWS global condition
        // context keys": "the account ID of the resource owner", in the request context of most actions).
        contextVariables: { 'aws:ResourceAccount': check.resourceAccount, ...principal.context, ...check.context },
      },
      identityPolicies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(check.resourcePolicy !== undefined && { resourcePolicy: check.resourcePolicy }),
    };
    const result = await runSimulation(simulation, {});
    if (result.resultType === 'error') {
      throw new IamSimulationError(`iam-simulate refused ${check.action} on ${check.resource}: ${JSON.stringify(result.errors)}`, result.errors);
    }
    // A wildcard resource (`table/db/*`) is simulated per pattern; its first refusal explains the whole.
    const analysis = result.resultType === 'single' ? result.result.analysis : (result.results.find((r) => r.analysis.result !== 'Allowed') ?? result.results[0])?.analysis;
    const decision = result.overallResult === 'Allowed' ? { allowed: true as const } : decisionOf(analysis?.result === 'Allowed' ? undefined : analysis);
    if (decisions.size >= CHECKS_CACHED) decisions.delete(decisions.keys().next().value ?? '');
    decisions.set(key, decision);
    return decision;
  };
}
