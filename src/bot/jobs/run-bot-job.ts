import type { webApi } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import type { BotJob } from '../bot-job';

/** What a job needs: the bot's dependencies and a Slack client of its own (jobs run after the ack). */
export interface JobDeps extends BotDeps {
  client: webApi.WebClient;
}

/** Run one job of the bot (the in-process queue's handler, and the SQS worker's). */
export async function runBotJob(job: BotJob, deps: JobDeps): Promise<void> {
  deps.logger.info({ kind: job.kind }, 'job not handled yet');
  await Promise.resolve();
}
