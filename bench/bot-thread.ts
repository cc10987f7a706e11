import { parentPort } from 'node:worker_threads';
import { pino } from 'pino';
import { startSandboxBot } from '../src/bot/entry/sandbox-bot';
import { slashCommandRequest } from '../src/sandbox/slack/slack-payloads';
import { signSlackRequest } from '../src/sandbox/slack/sign-slack-request';
import { SANDBOX_SIGNING_SECRET } from '../src/sandbox/slack/slack-world';

/** A signed request as Slack would send it, ready for fetch. */
export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Messages the benchmark sends to this thread. */
export type ThreadRequest = { type: 'prepare'; count: number; text: string; users: string[] } | { type: 'idle' } | { type: 'close' };

// The sandbox bot in a thread of its own: its event loop is the server's, not the load generator's.
const port = parentPort;
if (port) {
  const bot = await startSandboxBot({ port: 0, awsPort: 0, dynamoPort: 0, signingSecret: SANDBOX_SIGNING_SECRET, logger: pino({ level: 'silent' }) });
  port.on('message', (message: ThreadRequest) => {
    void (async () => {
      if (message.type === 'prepare') {
        const prepared: PreparedRequest[] = Array.from({ length: message.count }, (_, i) => {
          const request = slashCommandRequest(bot.slack, { user: message.users[i % message.users.length] ?? 'U0CONSUMER', text: message.text });
          return { url: bot.eventsUrl, headers: { 'content-type': request.contentType, ...signSlackRequest({ secret: SANDBOX_SIGNING_SECRET, body: request.body }) }, body: request.body };
        });
        port.postMessage(prepared);
      } else if (message.type === 'idle') {
        await bot.idle();
        port.postMessage('idle');
      } else {
        await bot.close();
        port.postMessage('closed');
      }
    })();
  });
  port.postMessage('ready');
}
