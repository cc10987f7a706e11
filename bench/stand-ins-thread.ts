import { parentPort } from 'node:worker_threads';
import { pino } from 'pino';
import { startEmulator } from '../src/sandbox/aws/emulator';
import { startSandboxDynamo } from '../src/sandbox/dynamo/start-sandbox-dynamo';
import { startFakeSlackApi } from '../src/sandbox/slack/fake-slack-api';
import { slashCommandRequest } from '../src/sandbox/slack/slack-payloads';
import { signSlackRequest } from '../src/sandbox/slack/sign-slack-request';
import { SANDBOX_SIGNING_SECRET } from '../src/sandbox/slack/slack-world';

/** A signed request as Slack would send it, ready for fetch. */
export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Where the stand-ins listen (what the bot thread is wired to). */
export interface StandInEndpoints {
  awsEndpoint: string;
  dynamoEndpoint: string;
  tablePrefix: string;
  slackApiUrl: string;
}

/** Messages this thread answers. */
export type StandInsRequest = { type: 'prepare'; count: number; text: string; users: string[]; eventsUrl: string } | { type: 'close' };

// The sandbox's stand-ins for AWS and Slack in a thread of their own, as they are remote services
// for a deployed bot: their work does not run on the bot's event loop.
const port = parentPort;
if (port) {
  const silent = pino({ level: 'silent' });
  const emulator = await startEmulator({ port: 0, logger: silent });
  const dynamo = await startSandboxDynamo(0);
  const slack = await startFakeSlackApi({ logger: silent });
  port.on('message', (message: StandInsRequest) => {
    void (async () => {
      if (message.type === 'prepare') {
        const prepared: PreparedRequest[] = Array.from({ length: message.count }, (_, i) => {
          const request = slashCommandRequest(slack, { user: message.users[i % message.users.length] ?? 'U0CONSUMER', text: message.text });
          return { url: message.eventsUrl, headers: { 'content-type': request.contentType, ...signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body: request.body }) }, body: request.body };
        });
        port.postMessage(prepared);
      } else {
        await slack.close();
        await dynamo.close();
        await emulator.close();
        port.postMessage('closed');
      }
    })();
  });
  const endpoints: StandInEndpoints = { awsEndpoint: emulator.endpoint, dynamoEndpoint: dynamo.endpoint, tablePrefix: dynamo.tablePrefix, slackApiUrl: slack.apiUrl };
  port.postMessage(endpoints);
}
