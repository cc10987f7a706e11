import { App, webApi, type Receiver } from '@slack/bolt';
import { pino } from 'pino';
import { vi } from 'vitest';
import { createBotApp } from '../../src/bot/create-bot-app';
import { LambdaEnvSchema } from '../../src/bot/entry/lambda-settings';
import { wireLambdaBot } from '../../src/bot/entry/lambda-wiring';

/** What the bot registers on its Bolt app, by kind: the first argument of each `app.<kind>(…)` call. */
export interface Registrations {
  commands: unknown[];
  events: unknown[];
  actions: unknown[];
  views: unknown[];
  options: unknown[];
  shortcuts: unknown[];
  messages: unknown[];
}

const KINDS = { command: 'commands', event: 'events', action: 'actions', view: 'views', options: 'options', shortcut: 'shortcuts', message: 'messages' } as const;

/** A receiver that receives nothing: the app is built only to see what it registers. */
const idleReceiver: Receiver = { init: () => undefined, start: () => Promise.resolve(), stop: () => Promise.resolve() };

/**
 * Build the real app with `createBotApp` (dependencies wired as in Lambda, no I/O) and record every
 * listener registration, by standing in for Bolt's registration methods while it is built.
 */
export function registeredListeners(): Registrations {
  const found: Registrations = { commands: [], events: [], actions: [], views: [], options: [], shortcuts: [], messages: [] };
  const spies = Object.entries(KINDS).map(([method, kind]) =>
    vi.spyOn(App.prototype, method as keyof typeof KINDS).mockImplementation(function (this: App, ...args: unknown[]) {
      found[kind].push(args[0]);
      return this;
    }),
  );
  // Bolt verifies its token with auth.test as it is built: answered here, so nothing leaves the machine.
  const authTest = vi.spyOn(webApi.WebClient.prototype, 'apiCall').mockResolvedValue({ ok: true, user_id: 'U0MESHBOT', bot_id: 'B0MESHBOT' } as webApi.WebAPICallResult);
  try {
    const env = LambdaEnvSchema.parse({ MESH_ACCOUNT_ID: '555555555555', JOB_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/555555555555/meshbot-jobs.fifo' });
    const bot = wireLambdaBot({ env, slack: { signingSecret: 'unused', botToken: 'xoxb-unused' } }, pino({ level: 'silent' }));
    createBotApp({ receiver: idleReceiver, token: 'xoxb-unused', deps: bot.deps });
    bot.destroy();
  } finally {
    for (const spy of spies) spy.mockRestore();
    authTest.mockRestore();
  }
  return found;
}
