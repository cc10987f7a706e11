import type { Caller } from '../operation';
import type { PolicyDocument, World } from '../world';
import type { IamPrincipal } from './evaluate-check';

// Sources: IAM User Guide, "AWS global condition context keys" (aws:PrincipalArn, aws:PrincipalAccount,
// aws:PrincipalType, aws:username, aws:SourceIdentity, aws:RequestedRegion).

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const USER_ARN = /^arn:aws:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;

/** The identity policies attached to the caller's IAM principal: the role's inline policies, or the user's. */
export function identityPoliciesOf(world: World, caller: Caller): Record<string, PolicyDocument> {
  const role = ROLE_ARN.exec(caller.principalArn);
  if (role) return world.accounts[role[1] ?? '']?.roles[role[2] ?? '']?.policies ?? {};
  const user = USER_ARN.exec(caller.principalArn);
  const account = user ? world.accounts[user[1] ?? ''] : undefined;
  return account?.adminUser.userName === user?.[2] ? (account?.adminUser.policies ?? {}) : {};
}

/**
 * The caller as IAM evaluates it, with the global condition keys AWS sets on every request (IAM User
 * Guide, "AWS global condition context keys"): aws:PrincipalArn (the role's ARN for a role session),
 * aws:PrincipalAccount, aws:PrincipalType, aws:username (users), aws:SourceIdentity (sessions that
 * carry one) and aws:RequestedRegion. Keys that depend on the network (aws:SourceIp,
 * aws:SecureTransport …) are not set: the emulator has no such context.
 */
export function iamPrincipalOf(world: World, caller: Caller): IamPrincipal {
  const user = USER_ARN.exec(caller.principalArn);
  return {
    arn: caller.arn,
    identityPolicies: identityPoliciesOf(world, caller),
    context: {
      'aws:PrincipalArn': caller.principalArn,
      'aws:PrincipalAccount': caller.accountId,
      'aws:PrincipalType': caller.sessionName !== undefined ? 'AssumedRole' : 'User',
      ...(user && { 'aws:username': user[2] ?? '' }),
      ...(caller.sourceIdentity !== undefined && { 'aws:SourceIdentity': caller.sourceIdentity }),
      'aws:RequestedRegion': world.region,
    },
  };
}
