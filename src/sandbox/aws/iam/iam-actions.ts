import { findRole, parseEntityArn } from '../iam-api/iam-entities';
import { type ActionMapping, member } from './action-mapping';
import type { IamCheck } from './iam-check';

// Sources: Service Authorization Reference, "Actions, resources, and condition keys for AWS Identity and Access
// Management (IAM)" (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html:
// iam:GetRole on the `role` type, iam:SimulatePrincipalPolicy on `group`, `role` or `user`; the role ARN
// `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`, likewise `user/`, `group/`); the refusal's resource as IAM
// names it, `role <name>` (aws/aws-cdk issue #27067, see access-denied.ts).

/**
 * The IAM checks of the emulated IAM operations. GetRole is `iam:GetRole` on the role of that name in
 * the caller's account (IAM is per account), its ARN with its path when the role exists, else
 * `role/<name>` (the handler then answers NoSuchEntity to a caller allowed to ask).
 * SimulatePrincipalPolicy is `iam:SimulatePrincipalPolicy` on the simulated user, group or role, in the
 * account its ARN names: another account's entity has no resource policy letting the caller in, so it
 * is refused there. A PolicySourceArn that names no entity gets no check; the handler refuses it
 * (InvalidInput). The refusal names the resource as IAM does, `role <name>` (`user <name>`,
 * `group <name>` by analogy; docs silent).
 */
export const iamActions: ActionMapping = (call) => {
  const { caller, input, operation, world } = call;
  switch (operation) {
    case 'GetRole': {
      const name = member(input, 'RoleName') ?? '';
      const arn = findRole(world, caller.accountId, name)?.arn ?? `arn:aws:iam::${caller.accountId}:role/${name}`;
      return [{ action: 'iam:GetRole', resource: arn, resourceAccount: caller.accountId, messageResource: `role ${name}` }];
    }
    case 'SimulatePrincipalPolicy': {
      const entity = parseEntityArn(member(input, 'PolicySourceArn') ?? '');
      if (!entity) return [];
      const check: IamCheck = { action: 'iam:SimulatePrincipalPolicy', resource: entity.arn, resourceAccount: entity.accountId, messageResource: `${entity.kind} ${entity.name}` };
      return [check];
    }
    default:
      return [];
  }
};
