import { formatIssues } from '../../mesh/domain/format-issues';
import { describeSandboxAws } from '../../sandbox/cli/describe-sandbox-aws';
import { pickPort } from '../../sandbox/cli/pick-port';
import { createSandboxConsole } from '../../sandbox/console/sandbox-console';
import { sandboxSigningSecret, SANDBOX_BOT_TOKEN } from '../../sandbox/slack/slack-world';
import { BotEnvSchema, runModeOf } from '../bot-config';
import { createLogger } from '../logger';
import { startSandboxBot } from './sandbox-bot';
import { startSocketBot } from './socket-bot';

/** `npm start`: Socket Mode when both Slack tokens are set, else the whole sandbox on 127.0.0.1. Stops on Ctrl-C. */
async function main(): Promise<void> {
  const parsed = BotEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Meshbot cannot start: ${formatIssues(parsed.error)}`);
    process.exitCode = 2;
    return;
  }
  const env = parsed.data;
  const say = (line: string): void => {
    console.log(line);
  };
  const logger = createLogger({ level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL });
  let stop: () => Promise<void>;
  if (runModeOf(env) === 'socket') {
    ({ stop } = await startSocketBot(env, createLogger({ level: env.LOG_LEVEL })));
    say('Meshbot is connected to Slack in Socket Mode. Ctrl-C stops it.');
  } else {
    const signingSecret = sandboxSigningSecret();
    const sandboxConsole = createSandboxConsole({ signingSecret, logger: logger.child({ component: 'console' }) });
    const bot = await startSandboxBot({
      port: await pickPort('Bot', env.PORT, say),
      awsPort: await pickPort('AWS emulator', Number(process.env.SANDBOX_PORT ?? 4566), say),
      dynamoPort: await pickPort('DynamoDB', Number(process.env.DYNAMO_PORT ?? 4567), say),
      signingSecret,
      logger,
      ...(process.argv.includes('--persist') && { stateDir: '.sandbox' }),
      extraRoutes: (req, res) => sandboxConsole.handle(req, res),
    });
    sandboxConsole.attach(bot);
    stop = () => {
      sandboxConsole.close();
      return bot.close();
    };
    [
      'Meshbot sandbox (no Slack workspace or AWS account needed)',
      `  Console: ${bot.url}/   play Pat, Casey, Ada and Sam in the browser`,
      `  Bot: ${bot.url}   Slack events: ${bot.eventsUrl}`,
      `  Signing secret: ${signingSecret === process.env.SLACK_SIGNING_SECRET ? '(from SLACK_SIGNING_SECRET)' : signingSecret}   bot token: ${SANDBOX_BOT_TOKEN}`,
      `  Fake Slack Web API: ${bot.url}/api/   what the bot said: ${bot.url}/_sandbox/slack/calls`,
      '  Team T0SANDBOX: Pat U0PRODUCER (producer 111111111111), Sam U0OWNER2, Casey U0CONSUMER (consumer 999999999999), Ada U0ADMIN (mesh admin); #data-products C0PRODUCTS',
      '  Product telco-111111111111 (usecase1_cell_kpis, usecase2_customer_churn) is published, owned by Pat and Sam.',
      ...describeSandboxAws(bot.emulator.endpoint, bot.emulator.controls.accounts()),
      `  DynamoDB (dynalite): ${bot.dynamo.endpoint}, tables ${bot.dynamo.tablePrefix}*`,
      process.argv.includes('--persist') ? '  State kept in .sandbox/ (AWS world and DynamoDB; Slack messages are not kept).' : '  State in memory (npm start -- --persist keeps it in .sandbox/).',
      'Ctrl-C stops it.',
    ].forEach(say);
  }
  const shutdown = (): void => {
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

await main();
