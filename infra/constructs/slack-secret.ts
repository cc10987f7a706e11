import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The Slack app's signing secret and bot token, as one JSON secret `{"signingSecret","botToken"}`.
 * The stack creates it empty; the deployer puts the values (README: "Put the Slack secrets"), and
 * the functions read it once per cold start.
 */
export class SlackSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      secretName: 'meshbot/slack',
      description: 'Meshbot: the Slack app signing secret and bot token, as {"signingSecret":"…","botToken":"xoxb-…"}',
      // Empty until the deployer puts Slack's values; the functions say so if they are missing.
      generateSecretString: { secretStringTemplate: JSON.stringify({ signingSecret: '', botToken: '' }), generateStringKey: 'unused' },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Slack issues the signing secret and bot token; they are rotated in Slack (then put here), not by a Secrets Manager rotation function.',
    });
  }
}
