import type { webApi } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';

/** What a job needs: the bot's dependencies and a Slack client of its own (jobs run after the ack). */
export interface JobDeps extends BotDeps {
  client: webApi.WebClient;
}
