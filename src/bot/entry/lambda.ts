import { SQSClient } from '@aws-sdk/client-sqs';
import { AwsLambdaReceiver } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { DestinationStream, Logger } from 'pino';
import { BotJobSchema, type BotJob } from '../bot-job';
import { createBotApp } from '../create-bot-app';
import { deliveryProperties } from '../edge/delivery';
import { checkSlackRequest, type EdgeRequest } from '../edge/slack-request-check';
import { runBotJob } from '../jobs/run-bot-job';
import { createSqsWorker } from '../jobs/queue/sqs-worker';
import { createLogger } from '../logger';
import { loadLambdaSettings, type LambdaSettings, type ReadSecret } from './lambda-settings';
import { lambdaJobQueue, lambdaWebClient, receiverLogger, wireLambdaBot } from './lambda-wiring';

/** The Function URL (or HTTP API) event Slack's requests arrive as, and the answer. */
export type SlackHttpEvent = APIGatewayProxyEventV2;
export type SlackHttpResult = Exclude<APIGatewayProxyResultV2, string>;

/** The three Lambda functions of Meshbot. Each is a 2-argument async handler (Node.js 24+ refuses callbacks). */
export interface LambdaHandlers {
  /** Slack's requests: verify, ack within 3 s, hand long work to the job queue. */
  slackHandler(event: SlackHttpEvent, context: Context): Promise<SlackHttpResult>;
  /** The SQS job queue: run each job, report the failed ones as partial batch failures. */
  workerHandler(event: SQSEvent, context: Context): Promise<SQSBatchResponse>;
  /** The schedule: enqueue a sweep (product syncs due, pending reminders and expiry). */
  sweepHandler(event: ScheduledEvent, context: Context): Promise<void>;
}

/** Where the handlers read their settings from (tests pass their own). */
export interface LambdaHandlerOptions {
  /** Read when the first invocation builds a handler, never at import. Default: `process.env`. */
  env?: () => Readonly<Record<string, string | undefined>>;
  /** Default: Secrets Manager in the function's region. */
  readSecret?: ReadSecret;
  /** Log destination (default: stdout, which Lambda sends to CloudWatch Logs). */
  destination?: DestinationStream;
}

/** The Function URL event as the edge judges it: method, lower-case headers, the body decoded. */
function edgeRequestOf(event: SlackHttpEvent): EdgeRequest {
  const headers = Object.fromEntries(Object.entries(event.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const body = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return { method: event.requestContext.http.method, headers, body };
}

/** A value built on first use and kept for the life of the execution environment; a failed build is retried next time. */
function lazy<T>(build: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * Build Meshbot's Lambda handlers. Nothing happens until an invocation: the first one reads the
 * environment and the Slack secret (once per cold start) and builds what that handler needs.
 */
export function createLambdaHandlers(options: LambdaHandlerOptions = {}): LambdaHandlers {
  const logger = (level: string): Logger => createLogger({ level, ...(options.destination !== undefined && { destination: options.destination }) });
  const settings = lazy<{ settings: LambdaSettings; logger: Logger }>(async () => {
    const env = options.env?.() ?? process.env;
    try {
      const loaded = await loadLambdaSettings(env, options.readSecret);
      return { settings: loaded, logger: logger(loaded.env.LOG_LEVEL) };
    } catch (error) {
      // The message says what to fix (never a secret's value); the next invocation tries again.
      logger('info').error({ err: error }, 'Meshbot cannot start');
      throw error;
    }
  });

  const slack = lazy(async () => {
    const { settings: loaded, logger: base } = await settings();
    const logger = base.child({ handler: 'slack' });
    const bot = wireLambdaBot(loaded, logger);
    const receiver = new AwsLambdaReceiver({
      signingSecret: loaded.slack.signingSecret,
      logger: receiverLogger(logger),
      customPropertiesExtractor: (event) => deliveryProperties(event.headers),
      // Bolt's default logs the offered signature; the timestamp is enough to investigate.
      invalidRequestSignatureHandler: ({ ts }) => {
        logger.warn({ ts }, 'refused a request with an invalid Slack signature');
      },
    });
    createBotApp({ receiver, token: loaded.slack.botToken, ...(loaded.env.SLACK_API_URL !== undefined && { slackApiUrl: loaded.env.SLACK_API_URL }), deps: bot.deps });
    return { handle: receiver.toHandler(), signingSecret: loaded.slack.signingSecret, logger };
  });

  const worker = lazy(async () => {
    const { settings: loaded, logger: base } = await settings();
    const logger = base.child({ handler: 'worker' });
    const bot = wireLambdaBot(loaded, logger);
    const client = lambdaWebClient(loaded, logger);
    return createSqsWorker(BotJobSchema, (job: BotJob, delivery) => runBotJob(job, { ...bot.deps, client }, delivery), logger);
  });

  const sweep = lazy(async () => {
    const { settings: loaded, logger: base } = await settings();
    return { jobs: lambdaJobQueue(loaded, new SQSClient({ region: loaded.env.AWS_REGION })), logger: base.child({ handler: 'sweep' }) };
  });

  return {
    async slackHandler(event, context) {
      const { handle, signingSecret, logger } = await slack();
      const verdict = checkSlackRequest(edgeRequestOf(event), { signingSecret, nowMs: Date.now() });
      if (!verdict.ok) {
        // The method and reason only: the headers carry the signature.
        logger.warn({ method: event.requestContext.http.method, status: verdict.status, reason: verdict.reason }, 'refused a request at the Slack edge');
        return { statusCode: verdict.status, headers: { 'content-type': 'text/plain; charset=utf-8', ...verdict.headers }, body: verdict.reason };
      }
      const result: unknown = await handle(event, context);
      return result as SlackHttpResult;
    },
    async workerHandler(event) {
      return (await worker())(event);
    },
    async sweepHandler(event) {
      const { jobs, logger } = await sweep();
      // The EventBridge event id: a redelivered event becomes the same job, which SQS deduplicates.
      await jobs.enqueue({ kind: 'sweep', requestId: `sweep-${event.id}` });
      logger.info({ requestId: `sweep-${event.id}`, time: event.time }, 'sweep enqueued');
    },
  };
}

// One set of handlers per execution environment, created on the first invocation.
let handlers: LambdaHandlers | undefined;
const lambdaHandlers = (): LambdaHandlers => (handlers ??= createLambdaHandlers());

/** The Slack request handler of the bot Lambda (behind its Function URL). */
export function slackHandler(event: SlackHttpEvent, context: Context): Promise<SlackHttpResult> {
  return lambdaHandlers().slackHandler(event, context);
}

/** The worker Lambda's handler on the SQS FIFO job queue (partial batch responses). */
export function workerHandler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  return lambdaHandlers().workerHandler(event, context);
}

/** The scheduled rule's handler: enqueue a sweep job for the worker. */
export function sweepHandler(event: ScheduledEvent, context: Context): Promise<void> {
  return lambdaHandlers().sweepHandler(event, context);
}
