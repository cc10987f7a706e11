import { App, type Receiver } from '@slack/bolt';
import { boltLogger } from './bolt-logger';
import type { BotDeps } from './bot-deps';
import { registerListeners } from './listeners/register-listeners';

/** How the bot reaches Slack: a receiver (HTTP, Lambda or Socket Mode), its token, and where the Web API is. */
export interface BotAppOptions {
  receiver: Receiver;
  token: string;
  /** The sandbox's fake Slack Web API (`http://127.0.0.1:3000/api/`); unset: slack.com. */
  slackApiUrl?: string;
  deps: BotDeps;
}

/** Build the Bolt app with every listener registered; one code path for the three run modes. */
export function createBotApp({ receiver, token, slackApiUrl, deps }: BotAppOptions): App {
  const app = new App({
    token,
    receiver,
    logger: boltLogger(deps.logger),
    ...(slackApiUrl !== undefined && { clientOptions: { slackApiUrl } }),
  });
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled error in a listener');
    await Promise.resolve();
  });
  return app;
}
