import type { Logger } from 'pino';
import { BotEnvSchema, runModeOf, settingProblems } from '../../bot/bot-config';
import { checkSocketBot, type CheckLine } from '../../bot/entry/socket-check';
import { startSocketBot } from '../../bot/entry/socket-bot';
import { SocketEnvSchema, socketEnvProblems } from '../../bot/entry/socket-env';
import { createLogger } from '../../bot/logger';
import { WorldFileError } from '../aws/controls/world-file';
import { SandboxUnreachableError } from '../aws/controls/sandbox-aws';
import { attachSandboxBot, reachRunningSandbox, startSandboxBot, type SandboxBotView } from '../bot/sandbox-bot';
import { createSandboxConsole } from '../console/sandbox-console';
import { sandboxSigningSecret, SANDBOX_BOT_TOKEN } from '../slack/slack-world';
import { describeSandboxAws } from './describe-sandbox-aws';
import { LocalUsageError, parseLocalOptions, USAGE, type LocalOptions } from './local-options';
import { isPortFree, pickPort } from './pick-port';

const say = (line: string): void => {
  console.log(line);
};

const checkLine = (line: CheckLine): string => `  ${line.ok ? '✓' : '✗'} ${line.what}: ${line.detail}`;

/** A running `npm start`: what Ctrl-C stops. */
type Stop = () => Promise<void>;

/** Socket Mode: settings complete, then checked against Slack and AWS, then connected; `--check` stops after the checks. */
async function socketMode(rawEnv: NodeJS.ProcessEnv, options: LocalOptions): Promise<Stop | number> {
  if (options.attach !== undefined || options.stateDir !== undefined) {
    console.error('--aws-endpoint, --persist and --state-dir are sandbox options, and SLACK_APP_TOKEN or SLACK_BOT_TOKEN is set (Socket Mode). Unset both tokens to run the sandbox.');
    return 2;
  }
  const parsed = SocketEnvSchema.safeParse(rawEnv);
  if (!parsed.success) {
    console.error(['Meshbot cannot start in Socket Mode (a Slack token is set); nothing was started:', ...socketEnvProblems(parsed.error).map((line) => `  ✗ ${line}`)].join('\n'));
    return 2;
  }
  const settings = parsed.data;
  say(`Meshbot in Socket Mode, mesh account ${settings.MESH_ACCOUNT_ID}, ${settings.AWS_REGION}${options.check ? ' (check only)' : ''}`);
  const check = await checkSocketBot(settings);
  check.lines.map(checkLine).forEach(say);
  if (options.check) return check.ok ? 0 : 1;
  if (!check.ok || check.identity === undefined) {
    console.error('Meshbot did not start: fix what is marked ✗ (npm start -- --check checks again without starting).');
    return 1;
  }
  const { stop } = await startSocketBot(settings, check.identity, createLogger({ level: settings.LOG_LEVEL }));
  say('Meshbot is connected to Slack in Socket Mode. Ctrl-C stops it.');
  return stop;
}

/** `--check` in sandbox mode: the ports, the state, the sandbox to attach to. */
async function checkSandbox(options: LocalOptions): Promise<number> {
  say('Meshbot sandbox (no Slack tokens set), check only');
  const lines: CheckLine[] = [];
  const port = async (what: string, preferred: number): Promise<CheckLine> => ({
    ok: true,
    what,
    detail: preferred === 0 || (await isPortFree(preferred)) ? `127.0.0.1:${String(preferred)}` : `port ${String(preferred)} is in use: a free port would be used instead`,
  });
  lines.push(await port('Bot, Slack API and console', options.port));
  if (options.attach === undefined) {
    lines.push(await port('AWS emulator', options.awsPort), await port('DynamoDB', options.dynamoPort));
    lines.push({ ok: true, what: 'State', detail: options.stateDir === undefined ? 'in memory (--persist keeps it)' : `kept in ${options.stateDir}/` });
  } else {
    const { awsEndpoint, dynamoEndpoint } = options.attach;
    try {
      await reachRunningSandbox({ awsEndpoint, dynamoEndpoint });
      lines.push({ ok: true, what: 'Running sandbox', detail: `AWS emulator ${awsEndpoint}, DynamoDB ${dynamoEndpoint}` });
    } catch (error) {
      if (!(error instanceof SandboxUnreachableError)) throw error;
      lines.push({ ok: false, what: 'Running sandbox', detail: error.message });
    }
  }
  lines.map(checkLine).forEach(say);
  return lines.every((line) => line.ok) ? 0 : 1;
}

function describeBot(bot: SandboxBotView, signingSecret: string): string[] {
  return [
    `  Console: ${bot.url}/   play Pat, Casey, Ada and Sam in the browser`,
    `  Bot: ${bot.url}   Slack events: ${bot.eventsUrl}`,
    `  Signing secret: ${signingSecret === process.env.SLACK_SIGNING_SECRET ? '(from SLACK_SIGNING_SECRET)' : signingSecret}   bot token: ${SANDBOX_BOT_TOKEN}`,
    `  Fake Slack Web API: ${bot.url}/api/   what the bot said: ${bot.url}/_sandbox/slack/calls`,
    '  Team T0SANDBOX: Pat U0PRODUCER (producer 111111111111), Sam U0OWNER2, Casey U0CONSUMER (consumer 999999999999), Ada U0ADMIN (mesh admin); #data-products C0PRODUCTS',
  ];
}

/** The sandbox: the bot, the fake Slack API and the console, on an AWS emulator and DynamoDB started here or already running. */
async function sandboxMode(options: LocalOptions, logger: Logger): Promise<Stop> {
  const signingSecret = sandboxSigningSecret();
  const sandboxConsole = createSandboxConsole({ signingSecret, logger: logger.child({ component: 'console' }) });
  const common = { port: await pickPort('Bot', options.port, say), signingSecret, logger, extraRoutes: (req: Parameters<typeof sandboxConsole.handle>[0], res: Parameters<typeof sandboxConsole.handle>[1]) => sandboxConsole.handle(req, res) };
  const { attach } = options;
  const bot =
    attach === undefined
      ? await startSandboxBot({
          ...common,
          awsPort: await pickPort('AWS emulator', options.awsPort, say),
          dynamoPort: await pickPort('DynamoDB', options.dynamoPort, say),
          ...(options.stateDir !== undefined && { stateDir: options.stateDir }),
        })
      : await attachSandboxBot({ awsEndpoint: attach.awsEndpoint, dynamoEndpoint: attach.dynamoEndpoint }, common);
  sandboxConsole.attach(bot);
  say(attach === undefined ? 'Meshbot sandbox (no Slack workspace or AWS account needed)' : `Meshbot on the running sandbox at ${attach.awsEndpoint} (no Slack workspace or AWS account needed)`);
  describeBot(bot, signingSecret).forEach(say);
  describeSandboxAws(bot.aws.endpoint, await bot.aws.accounts()).forEach(say);
  say(`  DynamoDB (dynalite): ${bot.store.endpoint}, tables ${bot.store.tablePrefix}*`);
  if (attach !== undefined) say('  State: the running sandbox’s own; it stays there when this stops.');
  else say(options.stateDir === undefined ? '  State in memory (npm start -- --persist keeps it in .sandbox/).' : `  State kept in ${options.stateDir}/ (AWS world and DynamoDB; Slack messages are not kept).`);
  say('Ctrl-C stops it.');
  return async () => {
    sandboxConsole.close();
    await bot.close();
  };
}

/** `npm start`: Socket Mode when a Slack token is set, else the sandbox on 127.0.0.1 (started, or attached with --aws-endpoint). */
async function main(): Promise<number | Stop> {
  const parsedEnv = BotEnvSchema.safeParse(process.env);
  if (!parsedEnv.success) {
    console.error(['Meshbot cannot start; nothing was started:', ...settingProblems(parsedEnv.error).map((line) => `  ✗ ${line}`)].join('\n'));
    return 2;
  }
  const env = parsedEnv.data;
  const options = parseLocalOptions('start', process.argv.slice(2), process.env);
  if (options.help) {
    say(USAGE.start);
    return 0;
  }
  if (runModeOf(env) === 'socket') return socketMode(process.env, options);
  if (options.check) return checkSandbox(options);
  return sandboxMode(options, createLogger({ level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL }));
}

try {
  const outcome = await main();
  if (typeof outcome === 'number') {
    process.exitCode = outcome;
  } else {
    const shutdown = (): void => {
      void outcome().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
} catch (error) {
  if (!(error instanceof LocalUsageError || error instanceof SandboxUnreachableError || error instanceof WorldFileError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
