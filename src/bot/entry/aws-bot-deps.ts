import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import { wireMesh } from '../../mesh/service/wire-mesh';
import { createAdminGroupCheck } from '../admin-group';
import type { BotEnv } from '../bot-config';
import type { BotDeps } from '../bot-deps';
import type { BotJob } from '../bot-job';
import type { JobQueue } from '../jobs/queue/job-queue';

/** The settings a bot in AWS is wired from (Socket Mode and Lambda alike). */
export type AwsBotEnv = Pick<BotEnv, 'AWS_REGION' | 'MESH_ADMINS' | 'MESH_ADMIN_GROUP' | 'TABLE_PREFIX' | 'PRODUCTS_CHANNEL'> & { MESH_ACCOUNT_ID: string };

/**
 * The bot's dependencies against real AWS: DynamoDB and STS as MeshbotBot (`credentials`, or the
 * default credential chain when it already is MeshbotBot), the mesh service on them, admins from
 * MESH_ADMINS and MESH_ADMIN_GROUP (read with `client`), and the given job queue (whose handler may
 * read the finished deps through `deps()` once jobs run).
 */
export function awsBotDeps(
  env: AwsBotEnv,
  client: webApi.WebClient,
  logger: Logger,
  credentials: AwsCredentialIdentityProvider | undefined,
  jobsFor: (deps: () => BotDeps) => JobQueue<BotJob>,
): { deps: BotDeps; destroy: () => void } {
  const config = { region: env.AWS_REGION, ...(credentials !== undefined && { credentials }) };
  const dynamo = new DynamoDBClient(config);
  const sts = new STSClient(config);
  const mesh = wireMesh({
    config: { meshAccountId: env.MESH_ACCOUNT_ID, region: env.AWS_REGION, meshAdmins: env.MESH_ADMINS },
    dynamo,
    tablePrefix: env.TABLE_PREFIX,
    sts,
    logger,
    ...(env.MESH_ADMIN_GROUP !== undefined && { isMeshAdmin: createAdminGroupCheck(client, env.MESH_ADMIN_GROUP) }),
  });
  const deps: BotDeps = {
    mesh: mesh.service,
    notices: mesh.notices,
    settings: { ...(env.PRODUCTS_CHANNEL !== undefined && { productsChannel: env.PRODUCTS_CHANNEL }) },
    logger,
    clock: Date.now,
    newId: ulid,
    jobs: jobsFor(() => deps),
  };
  return {
    deps,
    destroy: () => {
      mesh.destroy();
      dynamo.destroy();
      sts.destroy();
    },
  };
}
