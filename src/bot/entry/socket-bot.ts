import { SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import type { BotEnv } from '../bot-config';
import type { BotJob } from '../bot-job';
import { createBotApp } from '../create-bot-app';
import { createInProcessQueue } from '../jobs/in-process-queue';
import { runBotJob } from '../jobs/run-bot-job';
import { awsBotDeps } from './aws-bot-deps';
import { scheduleSweeps } from '../jobs/schedule-sweeps';

/** Socket Mode with a real workspace: Slack over a WebSocket, AWS from the default credential chain, jobs in this process. */
export async function startSocketBot(env: BotEnv, logger: Logger): Promise<{ stop: () => Promise<void> }> {
  const { SLACK_APP_TOKEN: appToken, SLACK_BOT_TOKEN: token, MESH_ACCOUNT_ID: meshAccountId } = env;
  if (appToken === undefined || token === undefined) throw new TypeError('Socket Mode needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN');
  if (meshAccountId === undefined) throw new TypeError('Socket Mode needs MESH_ACCOUNT_ID (the mesh account, 12 digits)');
  const client = new webApi.WebClient(token);
  const { deps, destroy } = awsBotDeps({ ...env, MESH_ACCOUNT_ID: meshAccountId }, client, logger, (current) =>
    createInProcessQueue<BotJob>((job) => runBotJob(job, { ...current(), client }), logger),
  );
  const app = createBotApp({ receiver: new SocketModeReceiver({ appToken }), token, deps });
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
