import { webApi } from '@slack/bolt';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startSandboxBot, type SandboxBot } from '../../src/sandbox/bot/sandbox-bot';
import { createSandboxConsole, type SandboxConsole } from '../../src/sandbox/console/sandbox-console';
import { publishSampleProduct } from '../../src/sandbox/seed/seed-mesh';
import { SANDBOX_BOT_TOKEN, SANDBOX_SIGNING_SECRET } from '../../src/sandbox/slack/slack-world';
import { findChromium } from '../support/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A headless Chromium with a fresh profile, 1280×800; `close()` removes the profile too. */
export interface ChromiumSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Launch Chromium (Debian's, else the npm-shipped one: `findChromium`) through playwright-core, which never downloads a browser, with a throwaway user-data-dir. */
export async function launchChromium(): Promise<ChromiumSession> {
  const binary = await findChromium();
  const profile = await mkdtemp(join(tmpdir(), 'meshbot-chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: binary.executablePath,
    env: { ...process.env, ...binary.env },
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The sandbox bot with the console on its server, as `npm start` wires it, on free ports. */
export interface SandboxWithConsole {
  bot: SandboxBot;
  console: SandboxConsole;
  /** The page: `http://127.0.0.1:<port>/`. */
  url: string;
  /** A Web API client with the bot's token, to say things in the sandbox's Slack as the bot would. */
  client: webApi.WebClient;
  close(): Promise<void>;
}

/** Start the sandbox with the console (port 0); close it in `afterAll`. */
export async function startConsoleSandbox(options: { published?: boolean } = {}): Promise<SandboxWithConsole> {
  const logger = pino({ level: 'silent' });
  const sandboxConsole = createSandboxConsole({ signingSecret: SANDBOX_SIGNING_SECRET, logger });
  const bot = await startSandboxBot({
    port: 0,
    awsPort: 0,
    dynamoPort: 0,
    signingSecret: SANDBOX_SIGNING_SECRET,
    logger,
    extraRoutes: (req, res) => sandboxConsole.handle(req, res),
    // RAM associates at once: the console tests are not about RAM timing.
    ramAssociationDelayMs: 0,
  });
  sandboxConsole.attach(bot);
  // The sandbox starts with nothing published; the console's tests start from the sample product unless told not to.
  if (options.published !== false) await publishSampleProduct(bot.deps.mesh, 'console-test-publish');
  return {
    bot,
    console: sandboxConsole,
    url: `${bot.url}/`,
    client: new webApi.WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: `${bot.url}/api/`, retryConfig: { retries: 0 } }),
    close: async () => {
      sandboxConsole.close();
      await bot.close();
    },
  };
}

/** What a person does on the console page: pick who they are, open a conversation, type a command, read its messages. */
export interface ConsoleMoves {
  messages: () => Locator;
  playAs: (name: string) => Promise<void>;
  open: (place: 'dm' | 'data-products') => Promise<void>;
  type: (command: string) => Promise<void>;
}

/** The moves on `page()` (a getter, since the page exists only once the browser started). */
export function consoleMoves(page: () => Page): ConsoleMoves {
  return {
    messages: () => page().locator('#messages article.message'),
    playAs: async (name) => {
      await page().locator('.persona', { hasText: name }).click();
      await page().locator('.persona[aria-pressed=true]', { hasText: name }).waitFor();
    },
    open: async (place) => {
      await page().locator(`#nav-${place}`).click();
    },
    type: async (command) => {
      await page().locator('#composer').fill(command);
      await page().locator('#composer').press('Enter');
    },
  };
}
