import { SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import type { BotIdentity } from '../../mesh/aws/bot-identity';
import type { BotJob } from '../bot-job';
import { boltLogger } from '../bolt-logger';
import { createBotApp } from '../create-bot-app';
import { createInProcessQueue } from '../jobs/queue/in-process-queue';
import { runBotJob } from '../jobs/run-bot-job';
import { scheduleSweeps } from '../jobs/queue/schedule-sweeps';
import { awsBotDeps } from './aws-bot-deps';
import type { SocketEnv } from './socket-env';

/**
 * Socket Mode with a real workspace: Slack over a WebSocket, AWS as MeshbotBot (`identity`, from
 * `checkSocketBot`), jobs in this process. Resolves once connected.
 */
export async function startSocketBot(env: SocketEnv, identity: BotIdentity, logger: Logger): Promise<{ stop: () => Promise<void> }> {
  const slackApi = env.SLACK_API_URL === undefined ? {} : { slackApiUrl: env.SLACK_API_URL };
  const client = new webApi.WebClient(env.SLACK_BOT_TOKEN, slackApi);
  const { deps, destroy } = awsBotDeps(env, client, logger, identity.credentials, (current) =>
    createInProcessQueue<BotJob>((job, delivery) => runBotJob(job, { ...current(), client }, delivery), logger),
  );
  // The WebSocket's own logs go through pino too (the receiver's Web API client takes the same URL).
  const receiver = new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN, logger: boltLogger(logger), installerOptions: { clientOptions: slackApi } });
  const app = createBotApp({ receiver, token: env.SLACK_BOT_TOKEN, ...slackApi, deps });
  await app.start();
  const stopSweeps = scheduleSweeps(deps.jobs, 5 * 60_000, ulid);
  return {
    stop: async () => {
      stopSweeps();
      await app.stop();
      destroy();
    },
  };
}
