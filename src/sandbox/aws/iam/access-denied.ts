import { AwsError } from '../aws-error';
import { S3Error } from '../s3/s3-error';
import type { ServiceName } from '../service-name';
import type { IamCheck, IamDecision } from './iam-check';

/**
 * The refusal of a request IAM denied, in each service's own error shape. The message follows the IAM
 * User Guide, "Troubleshooting access denied error messages": `User: <caller ARN> is not authorized
 * to perform: <action> on resource: <resource> because no <type> policy allows the <action> action`
 * for an implicit deny, `… with an explicit deny in a/an <type> policy` for an explicit one (type
 * `identity-based` or `resource-based`).
 */

/** The context phrase of an access denied message. */
function because(action: string, decision: Extract<IamDecision, { allowed: false }>): string {
  const type = decision.policyType === 'identity' ? 'identity-based' : 'resource-based';
  return decision.explicit ? `with an explicit deny in ${decision.policyType === 'identity' ? 'an' : 'a'} ${type} policy` : `because no ${type} policy allows the ${action} action`;
}

/** `User: … is not authorized to perform: … on resource: … because …`. */
export function accessDeniedMessage(callerArn: string, check: IamCheck, decision: Extract<IamDecision, { allowed: false }>): string {
  return `User: ${callerArn} is not authorized to perform: ${check.action} on resource: ${check.messageResource ?? check.resource} ${because(check.action, decision)}`;
}

/**
 * The service's error for a denied check:
 * - Glue: `AccessDeniedException`, HTTP 400 (the Glue model gives it no other status);
 * - KMS: `AccessDeniedException`, HTTP 400 (the KMS model lists no such error; users report it so:
 *   rebuy-de/aws-nuke issue #247, "AccessDeniedException: User: … is not authorized to perform:
 *   kms:DescribeKey on resource: arn:aws:kms:…:key/… status code: 400"; hashicorp/terraform-provider-aws
 *   PR #32463, "… because no resource-based policy allows the kms:DescribeKey action"), with the IAM message;
 * - Lake Formation: `AccessDeniedException`, HTTP 403 (its model's httpError);
 * - RAM: `AccessDeniedException`, HTTP 403 (RAM's model lists no such error; 403 is the status AWS
 *   JSON services answer authorization failures with);
 * - IAM: `AccessDenied`, HTTP 403, with the context phrase and the resource as IAM names it (`role
 *   <name>`), as users report it (aws/aws-cdk issue #27067: "User: arn:aws:iam::…:user/matt is not
 *   authorized to perform: iam:GetRole on resource: role cdk-… because no identity-based policy allows
 *   the iam:GetRole action (Service: Iam, Status Code: 403 …)");
 * - STS: `AccessDenied`, HTTP 403, without the context phrase, as STS words it (STS API Reference,
 *   AssumeRole; the IAM guide notes some services do not use the format);
 * - S3: `AccessDenied`, HTTP 403: with the IAM message for a request within the bucket owner's account,
 *   plain "Access Denied" for another account's (S3 User Guide, "Troubleshoot access denied (403
 *   Forbidden) errors": S3 adds the context only to same-account requests).
 */
export function accessDeniedError(service: ServiceName, callerArn: string, callerAccount: string, check: IamCheck, decision: Extract<IamDecision, { allowed: false }>): AwsError {
  switch (service) {
    case 'glue':
    case 'kms':
      return new AwsError('AccessDeniedException', accessDeniedMessage(callerArn, check, decision));
    case 'lakeformation':
    case 'ram':
      return new AwsError('AccessDeniedException', accessDeniedMessage(callerArn, check, decision), 403);
    case 'iam':
      return new AwsError('AccessDenied', accessDeniedMessage(callerArn, check, decision), 403);
    case 'sts':
      return new AwsError('AccessDenied', `User: ${callerArn} is not authorized to perform: ${check.action} on resource: ${check.messageResource ?? check.resource}`, 403);
    case 's3':
      return new S3Error('AccessDenied', check.resourceAccount === callerAccount ? accessDeniedMessage(callerArn, check, decision) : 'Access Denied', 403);
  }
}
