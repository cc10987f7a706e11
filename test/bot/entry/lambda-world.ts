import type { APIGatewayProxyEventV2, Context, ScheduledEvent, SQSEvent } from 'aws-lambda';
import { pino } from 'pino';
import { startEmulator, type Emulator } from '../../../src/sandbox/aws/emulator';
import { startSandboxDynamo, type SandboxDynamo } from '../../../src/sandbox/dynamo/start-sandbox-dynamo';
import { SANDBOX_ACCOUNTS, SANDBOX_BOT_SESSION, SANDBOX_REGION } from '../../../src/sandbox/seed/sandbox-accounts';
import { startFakeSlackApi, type RunningFakeSlackApi } from '../../../src/sandbox/slack/fake-slack-api';
import { signSlackRequest } from '../../../src/sandbox/slack/sign-slack-request';
import type { SlackRequest } from '../../../src/sandbox/slack/slack-payloads';
import { SANDBOX_BOT_TOKEN, SANDBOX_SIGNING_SECRET } from '../../../src/sandbox/slack/slack-world';
import { startLambdaAwsStub, type LambdaAwsStub } from './lambda-aws-stub';

/** The Slack secret's ARN in the tests (served by the stub). */
export const SLACK_SECRET_ARN = `arn:aws:secretsmanager:${SANDBOX_REGION}:${SANDBOX_ACCOUNTS.mesh.id}:secret:meshbot-slack-AbCdEf`;

/** The job queue's path; its URL is on the stub, as a local SQS's queue URLs are (the SQS client sends to the queue URL's host). */
export const JOB_QUEUE_PATH = `/${SANDBOX_ACCOUNTS.mesh.id}/meshbot-jobs.fifo`;

/**
 * Everything a Meshbot Lambda talks to, on 127.0.0.1: the AWS emulator (STS, Glue, Lake Formation,
 * RAM), dynalite with the tables, the fake Slack Web API, and a stub of SQS and Secrets Manager.
 */
export interface LambdaWorld {
  emulator: Emulator;
  dynamo: SandboxDynamo;
  slack: RunningFakeSlackApi;
  aws: LambdaAwsStub;
  /** The environment as the CDK stack sets it, plus the SDK's endpoint overrides and the execution role's keys as Lambda sets them. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Start the world and put the Slack secret in the stub. */
export async function startLambdaWorld(): Promise<LambdaWorld> {
  const silent = pino({ level: 'silent' });
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', logger: silent });
  const dynamo = await startSandboxDynamo(0, { tablePrefix: 'meshbot-' });
  const slack = await startFakeSlackApi({ logger: silent });
  const aws = await startLambdaAwsStub();
  aws.secrets.set(SLACK_SECRET_ARN, JSON.stringify({ signingSecret: SANDBOX_SIGNING_SECRET, botToken: SANDBOX_BOT_TOKEN }));
  const env = {
    AWS_REGION: SANDBOX_REGION,
    // Lambda gives a function its execution role's session keys in these; here, the sandbox's MeshbotBot session.
    AWS_ACCESS_KEY_ID: SANDBOX_BOT_SESSION.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SANDBOX_BOT_SESSION.secretAccessKey,
    AWS_SESSION_TOKEN: SANDBOX_BOT_SESSION.sessionToken,
    AWS_ENDPOINT_URL_STS: emulator.endpoint,
    AWS_ENDPOINT_URL_GLUE: emulator.endpoint,
    AWS_ENDPOINT_URL_LAKEFORMATION: emulator.endpoint,
    AWS_ENDPOINT_URL_RAM: emulator.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SQS: aws.endpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint,
    MESH_ACCOUNT_ID: SANDBOX_ACCOUNTS.mesh.id,
    TABLE_PREFIX: dynamo.tablePrefix,
    JOB_QUEUE_URL: `${aws.endpoint}${JOB_QUEUE_PATH}`,
    SLACK_SECRET_ARN,
    SLACK_API_URL: slack.apiUrl,
    MESH_ADMINS: 'T0SANDBOX:U0ADMIN',
    PRODUCTS_CHANNEL: 'C0PRODUCTS',
    LOG_LEVEL: 'info',
  };
  return {
    emulator,
    dynamo,
    slack,
    aws,
    env,
    async close() {
      await aws.close();
      await slack.close();
      await dynamo.close();
      await emulator.close();
    },
  };
}

/** Put the world's environment into `process.env` (the AWS SDK reads endpoints and keys from there), dropping any AWS profile. */
export function useWorldEnv(world: LambdaWorld): void {
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_ENDPOINT_URL;
  Object.assign(process.env, world.env);
}

/**
 * A Slack request as a Lambda Function URL delivers it (payload format 2.0), signed with `secret`.
 * `base64` encodes the body as Function URLs do for some content types.
 */
export function functionUrlEvent(
  request: Pick<SlackRequest<unknown>, 'contentType' | 'body'>,
  options: { secret?: string; timestampSeconds?: number; base64?: boolean } = {},
): APIGatewayProxyEventV2 {
  const now = Date.now();
  const signature = signSlackRequest({ secret: options.secret ?? SANDBOX_SIGNING_SECRET, body: request.body, ...(options.timestampSeconds !== undefined && { timestampSeconds: options.timestampSeconds }) });
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {
      'content-type': request.contentType,
      host: 'abcdefghij.lambda-url.us-east-1.on.aws',
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...signature,
    },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghij',
      domainName: 'abcdefghij.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abcdefghij',
      http: { method: 'POST', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'Slackbot 1.0' },
      requestId: `req-${String(now)}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body: options.base64 === true ? Buffer.from(request.body).toString('base64') : request.body,
    isBase64Encoded: options.base64 === true,
  };
}

/** An SQS event of FIFO records carrying these bodies (each its own message group unless given). */
export function sqsEvent(records: { body: string; group?: string }[]): SQSEvent {
  return {
    Records: records.map(({ body, group }, i) => ({
      messageId: `msg-${String(i + 1)}`,
      receiptHandle: `rh-${String(i + 1)}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'AROAEXAMPLE',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
        MessageGroupId: group ?? `group-${String(i + 1)}`,
        MessageDeduplicationId: `dedup-${String(i + 1)}`,
        SequenceNumber: String(i + 1),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${SANDBOX_REGION}:${SANDBOX_ACCOUNTS.mesh.id}:meshbot-jobs.fifo`,
      awsRegion: SANDBOX_REGION,
    })),
  };
}

/** The EventBridge scheduled event the sweep rule sends. */
export function scheduledEvent(id: string): ScheduledEvent {
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: SANDBOX_ACCOUNTS.mesh.id,
    time: new Date().toISOString(),
    region: SANDBOX_REGION,
    resources: [`arn:aws:events:${SANDBOX_REGION}:${SANDBOX_ACCOUNTS.mesh.id}:rule/meshbot-sweep`],
    detail: {},
  };
}

/** A Lambda invocation context (the handlers read nothing from it). */
export function lambdaContext(functionName = 'meshbot-slack'): Context {
  const context: Omit<Context, 'done' | 'fail' | 'succeed'> = {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${SANDBOX_REGION}:${SANDBOX_ACCOUNTS.mesh.id}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: `aws-${String(Date.now())}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 10_000,
  };
  // The callback-era members are deprecated and unused by 2-argument handlers.
  return context as Context;
}

/** A pino destination that keeps the log records written to it. */
export function logCapture(): { write(line: string): void; records(): Record<string, unknown>[]; text(): string } {
  const lines: string[] = [];
  return {
    write(line) {
      lines.push(line);
    },
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => lines.join(''),
  };
}
