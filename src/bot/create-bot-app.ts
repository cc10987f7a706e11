import { App, type Receiver } from '@slack/bolt';
import { boltLogger } from './bolt-logger';
import type { BotDeps } from './bot-deps';
import type { InFlight } from './in-flight';
import { registerListeners } from './listeners/register-listeners';

/** How the bot reaches Slack: a receiver (HTTP, Lambda or Socket Mode), its token, and where the Web API is. */
export interface BotAppOptions {
  receiver: Receiver;
  token: string;
  /** The sandbox's fake Slack Web API (`http://127.0.0.1:3000/api/`); unset: slack.com. */
  slackApiUrl?: string;
  deps: BotDeps;
  /** Counts each request's whole handling (ack and follow-up), so the sandbox and tests can wait for quiet. */
  inFlight?: InFlight;
}

/** Build the Bolt app with every listener registered; one code path for the three run modes. */
export function createBotApp({ receiver, token, slackApiUrl, deps, inFlight }: BotAppOptions): App {
  const app = new App({
    token,
    receiver,
    logger: boltLogger(deps.logger),
    ...(slackApiUrl !== undefined && { clientOptions: { slackApiUrl } }),
  });
  if (inFlight) {
    // A global middleware's next() settles when the listener has finished, follow-up work included.
    app.use(async ({ next }) => {
      await inFlight.track(next());
    });
  }
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled error in a listener');
    await Promise.resolve();
  });
  return app;
}
