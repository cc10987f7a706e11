import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { queryRolesOf, readMeshbotContext, type MeshbotContext } from './meshbot-context';
import { ConsumerStack, ProducerStack } from './stacks/account-stacks';
import { MeshStack } from './stacks/mesh-stack';

/** The stacks of one mesh: the mesh account's, and one per producer and consumer account. */
export interface MeshbotStacks {
  context: MeshbotContext;
  mesh: MeshStack;
  producers: ProducerStack[];
  consumers: ConsumerStack[];
}

/**
 * Add Meshbot's stacks to a CDK app from its context, with cdk-nag's AWS Solutions checks on all of
 * them. Stack names: `Meshbot-Mesh`, `Meshbot-Producer-<account>`, `Meshbot-Consumer-<account>`.
 */
export function addMeshbotStacks(app: App): MeshbotStacks {
  const context = readMeshbotContext((key) => app.node.tryGetContext(key));
  const site = { region: context.region, meshAccountId: context.meshAccountId };
  const mesh = new MeshStack(app, 'Meshbot-Mesh', { env: { account: context.meshAccountId, region: context.region }, context });
  const producers = context.producerAccountIds.map(
    (accountId) => new ProducerStack(app, `Meshbot-Producer-${accountId}`, { env: { account: accountId, region: context.region }, site, accountId }),
  );
  const consumers = context.consumerAccountIds.map(
    (accountId) =>
      new ConsumerStack(app, `Meshbot-Consumer-${accountId}`, { env: { account: accountId, region: context.region }, site, accountId, queryRoleArns: queryRolesOf(context, accountId) }),
  );
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { context, mesh, producers, consumers };
}
