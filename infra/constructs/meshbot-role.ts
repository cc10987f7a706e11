import { Validations } from 'aws-cdk-lib';
import { ArnPrincipal, PolicyDocument, type PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { meshbotTrustStatement } from '../role-trust';

export { ASSUME_ACTIONS } from '../role-trust';

/**
 * Only MeshbotBot, and only with a SourceIdentity (the Slack user the bot acts for): CloudTrail and
 * Lake Formation then name the human on every call made in this role.
 */
class BotWithSourceIdentity extends ArnPrincipal {
  override addToAssumeRolePolicy(document: PolicyDocument): void {
    document.addStatements(meshbotTrustStatement(this.arn));
  }
}

/** A role the bot assumes to act in an account, e.g. `MeshbotConsumer`. */
export interface MeshbotRoleProps {
  roleName: string;
  description: string;
  /** `arn:aws:iam::<mesh account>:role/MeshbotBot`. */
  botRoleArn: string;
  statements: PolicyStatement[];
  /** Why each wildcard finding of cdk-nag's IAM5 is needed, by finding (`Resource::*`, `Action::…`). */
  wildcards: Record<string, string>;
}

/** A Meshbot role: trusts only the bot's role with a SourceIdentity, holds only its inline policy. */
export class MeshbotRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: MeshbotRoleProps) {
    super(scope, id);
    this.role = new Role(this, 'Role', {
      roleName: props.roleName,
      description: props.description,
      assumedBy: new BotWithSourceIdentity(props.botRoleArn),
      inlinePolicies: { MeshbotPermissions: new PolicyDocument({ statements: props.statements }) },
    });
    for (const [finding, reason] of Object.entries(props.wildcards)) {
      Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
  }
}
