import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ROLE_NAMES } from '../../src/mesh/domain/account-roles';
import { assumeMeshbotRolesStatement, localBotTrustStatements } from '../role-trust';

/**
 * MeshbotBot: the execution role of the bot's Lambda functions. In AWS it may only assume the
 * Meshbot roles (naming the Slack user as SourceIdentity); everything it does to the data mesh it
 * does in one of those. The stack adds its own tables, queue, secret and log groups. The principals
 * of `localBotPrincipals` may assume it too (sts:AssumeRole only: no SourceIdentity of their own, so
 * the bot can name each Slack user on the next hop, as on Lambda), to run the bot by hand.
 */
export class BotRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: { assumableRoleArns: string[]; localBotPrincipals?: readonly string[] }) {
    super(scope, id);
    this.role = new Role(this, 'Role', {
      roleName: ROLE_NAMES.bot,
      description: 'Meshbot Lambda functions: assume the Meshbot roles, use the bot tables, queue, secret and logs',
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    this.role.assumeRolePolicy?.addStatements(...localBotTrustStatements(props.localBotPrincipals ?? []));
    this.role.addToPrincipalPolicy(assumeMeshbotRolesStatement(props.assumableRoleArns));
  }
}
