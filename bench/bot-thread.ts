import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { serveBot } from '../src/sandbox/bot/sandbox-bot';
import { SANDBOX_SIGNING_SECRET } from '../src/sandbox/slack/slack-world';
import type { StandInEndpoints } from './stand-ins-thread';

/** Messages this thread answers. */
export type BotThreadRequest = { type: 'idle' } | { type: 'close' };

// The bot alone in a thread: its event loop is the server's, as in a deployed bot.
const port = parentPort;
if (port) {
  const standIns = workerData as StandInEndpoints;
  const bot = await serveBot({ ...standIns, slackApiUrl: () => standIns.slackApiUrl }, { port: 0, signingSecret: SANDBOX_SIGNING_SECRET, logger: pino({ level: 'silent' }) });
  port.on('message', (message: BotThreadRequest) => {
    void (async () => {
      if (message.type === 'idle') {
        await bot.idle();
        port.postMessage('idle');
      } else {
        await bot.close();
        port.postMessage('closed');
      }
    })();
  });
  port.postMessage(bot.eventsUrl);
}
