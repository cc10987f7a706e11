import { type ActionMapping, member } from './action-mapping';
import type { IamCheck } from './iam-check';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/**
 * The IAM checks of the emulated STS operations (Service Authorization Reference, "Actions, resources,
 * and condition keys for AWS Security Token Service"). AssumeRole is `sts:AssumeRole` on the role,
 * whose trust policy is its resource policy: within the role's account the trust policy alone may
 * allow (when it names the caller), across accounts both it and the caller's identity policy must
 * (IAM User Guide, "Policy evaluation logic"; "Cross-account policy evaluation logic"). A session
 * carrying a SourceIdentity, or a request setting one, needs `sts:SetSourceIdentity` too, with the
 * same rules (IAM User Guide, "Monitor and control actions taken with assumed roles"), and the
 * condition key sts:SourceIdentity holds it. GetCallerIdentity needs no permission (STS API Reference:
 * "No permissions are required to perform this operation").
 */
export const stsActions: ActionMapping = (call) => {
  if (call.operation !== 'AssumeRole') return [];
  const roleArn = member(call.input, 'RoleArn') ?? '';
  const match = ROLE_ARN.exec(roleArn);
  // A malformed ARN is the handler's ValidationError.
  if (!match) return [];
  const [, account = '', name = ''] = match;
  const role = call.world.accounts[account]?.roles[name];
  const sourceIdentity = call.caller.sourceIdentity ?? member(call.input, 'SourceIdentity');
  const check = (action: string): IamCheck => ({
    action,
    resource: roleArn,
    resourceAccount: account,
    ...(role?.arn === roleArn && { resourcePolicy: role.trustPolicy }),
    context: { 'sts:RoleSessionName': member(call.input, 'RoleSessionName') ?? '', ...(sourceIdentity !== undefined && { 'sts:SourceIdentity': sourceIdentity }) },
  });
  return [check('sts:AssumeRole'), ...(sourceIdentity === undefined ? [] : [check('sts:SetSourceIdentity')])];
};
