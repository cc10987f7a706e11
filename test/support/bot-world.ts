import { pino } from 'pino';
import { startSandboxBot, type SandboxBot } from '../../src/sandbox/bot/sandbox-bot';
import { postSignedToBot, type PostSignedOptions, type SignedPostResult } from '../../src/sandbox/slack/post-signed-to-bot';
import { SANDBOX_SIGNING_SECRET } from '../../src/sandbox/slack/slack-world';

/** One kind of signed request without where it goes (the world knows). */
export type BotRequest = PostSignedOptions extends infer O ? (O extends unknown ? Omit<O, 'url' | 'secret' | 'slack'> : never) : never;

/** The whole sandbox on free ports, with a helper that posts signed Slack requests into the bot. */
export interface BotWorld extends SandboxBot {
  /** Sign and post a Slack request (command, click, submission, event) to the bot, as Slack would. */
  post(request: BotRequest): Promise<SignedPostResult>;
}

/**
 * Start the sandbox bot (AWS emulator, dynalite, fake Slack, receiver) on port 0; `close()` it in
 * `afterAll`. RAM associates shares at once unless `ramAssociationDelayMs` says otherwise: these
 * tests are not about RAM timing (test/sandbox/aws/ram/association-timing.test.ts is).
 */
export async function startBotWorld(options: { ramAssociationDelayMs?: number } = {}): Promise<BotWorld> {
  const bot = await startSandboxBot({
    port: 0,
    awsPort: 0,
    dynamoPort: 0,
    signingSecret: SANDBOX_SIGNING_SECRET,
    logger: pino({ level: 'silent' }),
    ramAssociationDelayMs: options.ramAssociationDelayMs ?? 0,
  });
  return {
    ...bot,
    post: (request) => postSignedToBot({ ...request, url: bot.eventsUrl, secret: SANDBOX_SIGNING_SECRET, slack: bot.slack }),
  };
}
