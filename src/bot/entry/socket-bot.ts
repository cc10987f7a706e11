import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import { SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import { wireMesh } from '../../mesh/service/wire-mesh';
import { createAdminGroupCheck } from '../admin-group';
import type { BotEnv } from '../bot-config';
import type { BotDeps } from '../bot-deps';
import type { BotJob } from '../bot-job';
import { createBotApp } from '../create-bot-app';
import { createInProcessQueue } from '../jobs/in-process-queue';
import { runBotJob } from '../jobs/run-bot-job';
import { scheduleSweeps } from '../jobs/schedule-sweeps';

/** Socket Mode with a real workspace: Slack over a WebSocket, AWS from the default credential chain, jobs in this process. */
export async function startSocketBot(env: BotEnv, logger: Logger): Promise<{ stop: () => Promise<void> }> {
  const { SLACK_APP_TOKEN: appToken, SLACK_BOT_TOKEN: token, MESH_ACCOUNT_ID: meshAccountId } = env;
  if (appToken === undefined || token === undefined) throw new TypeError('Socket Mode needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN');
  if (meshAccountId === undefined) throw new TypeError('Socket Mode needs MESH_ACCOUNT_ID (the mesh account, 12 digits)');
  const client = new webApi.WebClient(token);
  const dynamo = new DynamoDBClient({ region: env.AWS_REGION });
  const sts = new STSClient({ region: env.AWS_REGION });
  const mesh = wireMesh({
    config: { meshAccountId, region: env.AWS_REGION, meshAdmins: env.MESH_ADMINS },
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
    jobs: createInProcessQueue<BotJob>((job) => runBotJob(job, { ...deps, client }), logger),
  };
  const app = createBotApp({ receiver: new SocketModeReceiver({ appToken }), token, deps });
  await app.start();
  const stopSweeps = scheduleSweeps(deps.jobs, 5 * 60_000, ulid);
  return {
    stop: async () => {
      stopSweeps();
      await app.stop();
      mesh.destroy();
      dynamo.destroy();
      sts.destroy();
    },
  };
}
