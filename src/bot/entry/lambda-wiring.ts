import { SQSClient } from '@aws-sdk/client-sqs';
import { webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import { boltLogger } from '../bolt-logger';
import { jobGroup, jobId, type BotJob } from '../bot-job';
import type { JobQueue } from '../jobs/queue/job-queue';
import { createSqsQueue } from '../jobs/queue/sqs-queue';
import type { BotDeps } from '../bot-deps';
import { awsBotDeps } from './aws-bot-deps';
import type { LambdaSettings } from './lambda-settings';

/** The bot's dependencies in a Lambda function, and a way to close their sockets. */
export interface LambdaBot {
  deps: BotDeps;
  destroy(): void;
}

/**
 * Build the bot's dependencies as a Lambda function has them: AWS clients from the execution role
 * (MeshbotBot), the mesh service on DynamoDB, and jobs sent to the SQS FIFO queue. No I/O here.
 */
export function wireLambdaBot(settings: LambdaSettings, logger: Logger): LambdaBot {
  const sqs = new SQSClient({ region: settings.env.AWS_REGION });
  // The function runs as MeshbotBot: the default credential chain is the bot.
  const bot = awsBotDeps(settings.env, lambdaWebClient(settings, logger), logger, undefined, () => lambdaJobQueue(settings, sqs));
  return {
    deps: bot.deps,
    destroy: () => {
      bot.destroy();
      sqs.destroy();
    },
  };
}

/** The SQS FIFO job queue: grouped by subscription (or job kind), deduplicated by the job's stable id. */
export function lambdaJobQueue({ env }: Pick<LambdaSettings, 'env'>, sqs: SQSClient): JobQueue<BotJob> {
  return createSqsQueue<BotJob>({ sqs, queueUrl: env.JOB_QUEUE_URL, groupOf: jobGroup, idOf: jobId });
}

/** The Web API client jobs post with (they run after the ack, outside any Bolt listener). */
export function lambdaWebClient({ env, slack }: LambdaSettings, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(slack.botToken, {
    logger: boltLogger(logger),
    ...(env.SLACK_API_URL !== undefined && { slackApiUrl: env.SLACK_API_URL }),
  });
}

/**
 * Bolt's logger for the Lambda receiver, without the receiver's debug dump of the whole AWS event
 * (it carries the request's signature and body, which are never logged).
 */
export function receiverLogger(logger: Logger): BoltLogger {
  const bolt = boltLogger(logger);
  return {
    ...bolt,
    debug: (...parts: unknown[]) => {
      if (typeof parts[0] === 'string' && parts[0].startsWith('AWS event:')) return;
      bolt.debug(...parts);
    },
  };
}
