import type { World } from '../world';
import { malformedPolicy } from './s3-error';

/**
 * What S3 checks when a bucket policy is put (PutBucketPolicy's MalformedPolicy). Evaluating the
 * policy on requests is IAM's (iam/s3-actions.ts, with the identity policy, every condition operator
 * and the same-account and cross-account rules).
 */

type Json = Record<string, unknown>;

function asList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  return undefined;
}

/** `"*"` or the values of `{"AWS": …}` (other principal kinds, e.g. `Service`, name no caller of the emulator). */
function principalsOf(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  if (typeof principal !== 'object' || principal === null) return [];
  return asList((principal as Json).AWS) ?? [];
}

function rawStatements(policy: Json): unknown[] {
  const statement = policy.Statement;
  if (Array.isArray(statement)) return statement;
  return statement === undefined ? [] : [statement];
}

function parsePolicy(text: string): Json | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** `*` and `?` wildcards as IAM matches them, whole string. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

const ACCOUNT_ROOT = /^arn:aws:iam::(\d{12}):root$/;

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const USER_ARN = /^arn:aws:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;
const SESSION_ARN = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/** Whether an AWS principal of a policy names an account, role, user or role session that exists in the world. */
export function principalExists(world: World, principal: string): boolean {
  const account = /^\d{12}$/.test(principal) ? principal : ACCOUNT_ROOT.exec(principal)?.[1];
  if (account !== undefined) return world.accounts[account] !== undefined;
  const role = ROLE_ARN.exec(principal) ?? SESSION_ARN.exec(principal);
  if (role) return world.accounts[role[1] ?? '']?.roles[role[2] ?? ''] !== undefined;
  const user = USER_ARN.exec(principal);
  return user !== null && world.accounts[user[1] ?? '']?.adminUser.userName === user[2];
}

/**
 * Refuse (MalformedPolicy) a policy S3 would not store: not a JSON object, no `Statement`, a statement
 * without `Effect` Allow/Deny, `Principal`, `Action` or `Resource`, an action outside `s3:`, a resource
 * outside this bucket, or an AWS principal that does not exist. The S3 API Reference (PutBucketPolicy)
 * names the error, not each reason's wording; the wording follows S3's answers.
 */
export function checkBucketPolicy(text: string, bucket: string, exists: (principal: string) => boolean): void {
  const policy = parsePolicy(text);
  if (!policy) throw malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
  const statements = rawStatements(policy);
  if (statements.length === 0) throw malformedPolicy('Missing required field Statement');
  for (const raw of statements) {
    const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformedPolicy(`Invalid effect: ${typeof s.Effect === 'string' ? s.Effect : ''}`);
    if (s.Principal === undefined && s.NotPrincipal === undefined) throw malformedPolicy('Missing required field Principal');
    const actions = asList(s.Action ?? s.NotAction);
    if (!actions) throw malformedPolicy('Missing required field Action');
    if (!actions.every((a) => a === '*' || /^s3:[A-Za-z*?]+$/i.test(a))) throw malformedPolicy('Policy has invalid action');
    const resources = asList(s.Resource ?? s.NotResource);
    if (!resources) throw malformedPolicy('Missing required field Resource');
    const inBucket = (r: string): boolean => r.startsWith('arn:aws:s3:::') && wildcard(r.slice('arn:aws:s3:::'.length).split('/')[0] ?? '', bucket, false);
    if (!resources.every(inBucket)) throw malformedPolicy('Policy has invalid resource');
    if (!principalsOf(s.Principal ?? s.NotPrincipal).every((p) => p === '*' || exists(p))) throw malformedPolicy('Invalid principal in policy');
  }
}
