import { ArnPrincipal, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ROLE_NAMES, producerRoleInMesh, roleArn } from '../src/mesh/domain/account-roles';

/**
 * Who may assume the Meshbot roles and what MeshbotBot may assume, as statements: the CDK constructs
 * put them in the templates, and the sandbox seed gives the emulator's roles the very same documents.
 * Only `aws-cdk-lib/aws-iam` is imported, so the sandbox does not load the rest of the CDK.
 */

/** What the bot's role may do when it assumes a Meshbot role: take it, name the human, tag the session. */
export const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];

/**
 * The trust statement of every Meshbot role: only MeshbotBot, and only with a SourceIdentity (the
 * Slack user the bot acts for), so CloudTrail and Lake Formation name the human on every call.
 */
export function meshbotTrustStatement(botRoleArn: string): PolicyStatement {
  return new PolicyStatement({
    sid: 'OnlyMeshbotBotWithSourceIdentity',
    principals: [new ArnPrincipal(botRoleArn)],
    actions: ASSUME_ACTIONS,
    conditions: { StringLike: { 'sts:SourceIdentity': '*' } },
  });
}

/** Plain `sts:AssumeRole` for each of these IAM principals (ARNs), one statement each: how people take a role. */
export function assumedByStatements(principalArns: readonly string[]): PolicyStatement[] {
  return principalArns.map((arn) => new PolicyStatement({ principals: [new ArnPrincipal(arn)], actions: ['sts:AssumeRole'] }));
}

/**
 * MeshbotBot's trust beside Lambda's: the principals of `localBotPrincipals` (sts:AssumeRole only, no
 * SourceIdentity of their own, so the bot names each Slack user on the next hop as on Lambda).
 */
export function localBotTrustStatements(localBotPrincipals: readonly string[]): PolicyStatement[] {
  return assumedByStatements(localBotPrincipals);
}

/**
 * MeshbotDataAccess's trust policy: only the Lake Formation service, which assumes it to read
 * registered locations and tags the sessions it vends ("Requirements for roles used to register
 * locations", Lake Formation developer guide). Written out, as CloudFormation deploys it, so the stack
 * and the sandbox seed use the same document.
 */
export function dataAccessTrustPolicy(): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lakeformation.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
}

/** Every role the bot may assume: the mesh roles, and the Meshbot role of each producer and consumer account. */
export function assumableRoleArns(context: { meshAccountId: string; producerAccountIds: readonly string[]; consumerAccountIds: readonly string[] }): string[] {
  const mesh = context.meshAccountId;
  return [
    roleArn(mesh, ROLE_NAMES.meshAdmin),
    roleArn(mesh, ROLE_NAMES.meshReadOnly),
    ...context.producerAccountIds.map((producer) => roleArn(mesh, producerRoleInMesh(producer))),
    ...context.producerAccountIds.map((producer) => roleArn(producer, ROLE_NAMES.producer)),
    ...context.consumerAccountIds.map((consumer) => roleArn(consumer, ROLE_NAMES.consumer)),
  ];
}

/** MeshbotBot's identity statement for the Meshbot roles: assume them, naming the Slack user and tagging the session. */
export function assumeMeshbotRolesStatement(roleArns: string[]): PolicyStatement {
  return new PolicyStatement({ sid: 'AssumeMeshbotRoles', actions: ASSUME_ACTIONS, resources: roleArns });
}

/** An IAM policy document as JSON (`{"Version":"2012-10-17","Statement":[…]}`), as CloudFormation deploys it. */
export function policyDocumentJson(statements: PolicyStatement[]): Record<string, unknown> {
  return new PolicyDocument({ statements }).toJSON() as Record<string, unknown>;
}
