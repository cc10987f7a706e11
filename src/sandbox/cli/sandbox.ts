import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { startEmulator } from '../aws/emulator';
import { WorldFileError } from '../aws/controls/world-file';
import { startSandboxDynamo } from '../dynamo/start-sandbox-dynamo';
import { describeSandboxAws } from './describe-sandbox-aws';
import { parseLocalOptions, LocalUsageError, USAGE } from './local-options';
import { pickPort } from './pick-port';

/** `npm run sandbox`: the AWS emulator and dynalite on 127.0.0.1 until Ctrl-C, for `npm start -- --aws-endpoint`, the demo or any AWS client. */
async function main(): Promise<void> {
  const options = parseLocalOptions('sandbox', process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE.sandbox);
    return;
  }
  const say = (line: string): void => {
    console.log(line);
  };
  const logger = pino({ level: 'warn' });
  const { stateDir } = options;
  // DynamoDB is kept beside the AWS world, so the two stay consistent across restarts.
  if (stateDir !== undefined) mkdirSync(join(stateDir, 'dynamo'), { recursive: true });
  const emulator = await startEmulator({ port: await pickPort('AWS emulator', options.awsPort, say), logger, ...(stateDir !== undefined && { persistFile: join(stateDir, 'world.json') }) });
  const dynamo = await startSandboxDynamo(await pickPort('DynamoDB', options.dynamoPort, say), stateDir === undefined ? {} : { path: join(stateDir, 'dynamo') });
  say('Meshbot sandbox (AWS emulator and DynamoDB)');
  for (const line of describeSandboxAws(emulator.endpoint, emulator.controls.accounts())) say(line);
  say(`  DynamoDB (dynalite): ${dynamo.endpoint}, tables ${dynamo.tablePrefix}*`);
  say(stateDir === undefined ? '  State in memory (npm run sandbox -- --persist keeps it in .sandbox/).' : `  State kept in ${stateDir}/ (world.json and dynamo/); delete the folder to start over.`);
  say(`  Attach the bot and console: npm start -- --aws-endpoint ${emulator.endpoint} --dynamo-endpoint ${dynamo.endpoint}`);
  say(`  Play the workshop on it:    npm run demo -- --endpoint ${emulator.endpoint} --dynamo ${dynamo.endpoint}`);
  say('Ctrl-C stops it.');
  const stop = (): void => {
    void Promise.all([emulator.close(), dynamo.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await main();
} catch (error) {
  if (error instanceof LocalUsageError || error instanceof WorldFileError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
