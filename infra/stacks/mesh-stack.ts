import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { BotFunctions } from '../constructs/bot-functions';
import { BotRole } from '../constructs/bot-role';
import { BotTables } from '../constructs/bot-tables';
import { JobQueue } from '../constructs/job-queue';
import { MeshLakeFormation } from '../constructs/mesh-lake-formation';
import { MeshRoles } from '../constructs/mesh-roles';
import { SlackSecret } from '../constructs/slack-secret';
import { WORKER_TIMEOUT } from '../constructs/bot-functions';
import type { MeshbotContext } from '../meshbot-context';
import { assumableRoleArns } from '../role-trust';

export { assumableRoleArns } from '../role-trust';

/** The prefix of Meshbot's table names (the bot's `TABLE_PREFIX`). */
export const TABLE_PREFIX = 'meshbot-';

/**
 * The mesh account: the bot (three Lambda functions, its role, tables, job queue and Slack secret),
 * the mesh-side Meshbot roles, and the mesh catalog's Lake Formation settings.
 */
export class MeshStack extends Stack {
  readonly functions: BotFunctions;
  readonly tables: BotTables;
  readonly jobs: JobQueue;
  readonly botRole: BotRole;
  readonly roles: MeshRoles;

  constructor(scope: Construct, id: string, props: StackProps & { context: MeshbotContext }) {
    super(scope, id, { description: 'Meshbot: the Slack bot of the data mesh, its tables and queue, and the mesh account roles', ...props });
    const { context } = props;
    const site = { region: context.region, meshAccountId: context.meshAccountId };

    this.tables = new BotTables(this, 'Tables', { tablePrefix: TABLE_PREFIX });
    const slack = new SlackSecret(this, 'Slack');
    this.jobs = new JobQueue(this, 'Jobs', { workerTimeout: WORKER_TIMEOUT, ...(context.alarmEmail !== undefined && { alarmEmail: context.alarmEmail }) });

    this.botRole = new BotRole(this, 'Bot', { assumableRoleArns: assumableRoleArns(context), localBotPrincipals: context.localBotPrincipals });
    this.tables.grantReadWrite(this.botRole.role, this.botRole.role);
    this.jobs.queue.grantSendMessages(this.botRole.role);
    this.jobs.queue.grantConsumeMessages(this.botRole.role);
    slack.secret.grantRead(this.botRole.role);

    this.functions = new BotFunctions(this, 'Functions', {
      role: this.botRole.role,
      jobQueue: this.jobs.queue,
      environment: {
        MESH_ACCOUNT_ID: context.meshAccountId,
        TABLE_PREFIX,
        JOB_QUEUE_URL: this.jobs.queue.queueUrl,
        SLACK_SECRET_ARN: slack.secret.secretArn,
        LOG_LEVEL: context.logLevel,
        ...(context.meshAdmins.length > 0 && { MESH_ADMINS: context.meshAdmins.join(',') }),
        ...(context.productsChannel !== undefined && { PRODUCTS_CHANNEL: context.productsChannel }),
      },
    });
    for (const group of this.functions.logGroups) group.grantWrite(this.botRole.role);

    this.roles = new MeshRoles(this, 'Roles', { site, botRoleArn: this.botRole.role.roleArn, producerAccountIds: context.producerAccountIds });
    new MeshLakeFormation(this, 'LakeFormation', {
      meshAccountId: context.meshAccountId,
      meshAdminRoleArn: this.roles.meshAdmin.role.roleArn,
      extraAdmins: context.dataLakeAdmins,
      producerRoleArns: new Map([...this.roles.producers].map(([producer, role]) => [producer, role.role.roleArn])),
    });

    new CfnOutput(this, 'SlackRequestUrl', { value: this.functions.url.url, description: 'Slack app: slash command, interactivity and event subscription request URL' });
    new CfnOutput(this, 'SlackSecretArn', { value: slack.secret.secretArn, description: 'Put {"signingSecret","botToken"} here' });
    new CfnOutput(this, 'JobQueueUrl', { value: this.jobs.queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.jobs.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'BotRoleArn', { value: this.botRole.role.roleArn, description: 'The role the producer and consumer stacks trust' });
  }
}
