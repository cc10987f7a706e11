import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { pino, type Logger } from 'pino';
import { createDocumentClient } from '../../src/mesh/store/document-client';
import { createProductStore, type ProductStore } from '../../src/mesh/store/product-store';
import { createSubscriptionStore, type SubscriptionStore } from '../../src/mesh/store/subscription-store';
import { startSandboxBot, type SandboxBot } from '../../src/sandbox/bot/sandbox-bot';
import { SANDBOX_REGION } from '../../src/sandbox/seed/sandbox-accounts';
import { publishSampleProduct } from '../../src/sandbox/seed/seed-mesh';
import { postSignedToBot, type PostSignedOptions, type SignedPostResult } from '../../src/sandbox/slack/post-signed-to-bot';
import { SANDBOX_SIGNING_SECRET } from '../../src/sandbox/slack/slack-world';

/** One kind of signed request without where it goes (the world knows). */
export type BotRequest = PostSignedOptions extends infer O ? (O extends unknown ? Omit<O, 'url' | 'secret' | 'slack'> : never) : never;

/** The whole sandbox on free ports, with a helper that posts signed Slack requests into the bot. */
export interface BotWorld extends SandboxBot {
  /** Sign and post a Slack request (command, click, submission, event) to the bot, as Slack would. */
  post(request: BotRequest): Promise<SignedPostResult>;
  /**
   * The test's own handles on Meshbot's tables, to put a record where time would have put it (a request
   * a day old); the bot itself reaches them only through the mesh service.
   */
  stores: { subscriptions: SubscriptionStore; products: ProductStore };
}

/**
 * Start the sandbox bot (AWS emulator, dynalite, fake Slack, receiver) on port 0; `close()` it in
 * `afterAll`. RAM associates shares at once unless `ramAssociationDelayMs` says otherwise: these
 * tests are not about RAM timing (test/sandbox/aws/ram/association-timing.test.ts is). The sandbox
 * starts with nothing published; these tests start from the sample product as Pat publishes it
 * (through the mesh service, no card posted) unless `published: false`.
 */
export async function startBotWorld(options: { ramAssociationDelayMs?: number; logger?: Logger; published?: boolean } = {}): Promise<BotWorld> {
  const bot = await startSandboxBot({
    port: 0,
    awsPort: 0,
    dynamoPort: 0,
    signingSecret: SANDBOX_SIGNING_SECRET,
    logger: options.logger ?? pino({ level: 'silent' }),
    ramAssociationDelayMs: options.ramAssociationDelayMs ?? 0,
  });
  // dynalite accepts any keys; these are not AWS credentials.
  const dynamo = new DynamoDBClient({ region: SANDBOX_REGION, endpoint: bot.store.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const store = { client: createDocumentClient(dynamo), tablePrefix: bot.store.tablePrefix };
  if (options.published !== false) await publishSampleProduct(bot.deps.mesh, 'test-world-publish');
  return {
    ...bot,
    post: (request) => postSignedToBot({ ...request, url: bot.eventsUrl, secret: SANDBOX_SIGNING_SECRET, slack: bot.slack }),
    stores: { subscriptions: createSubscriptionStore(store), products: createProductStore(store) },
    close: async () => {
      dynamo.destroy();
      await bot.close();
    },
  };
}
