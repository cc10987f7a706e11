import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { startEmulator } from '../aws/emulator';
import { WorldFileError } from '../aws/controls/world-file';
import { startSandboxDynamo } from '../dynamo/start-sandbox-dynamo';
import { describeSandboxAws } from './describe-sandbox-aws';
import { pickPort } from './pick-port';
import { parseSandboxOptions, SandboxUsageError } from './sandbox-options';

/** `npm run sandbox`: the AWS emulator and dynalite on 127.0.0.1 until Ctrl-C. */
async function main(): Promise<void> {
  const options = parseSandboxOptions(process.argv.slice(2), process.env);
  const say = (line: string): void => {
    console.log(line);
  };
  const logger = pino({ level: 'warn' });
  const emulator = await startEmulator({ port: await pickPort('AWS emulator', options.port, say), persistFile: options.persistFile, logger });
  // DynamoDB is kept beside the AWS world, so the two stay consistent across restarts.
  const dynamoPath = options.persistFile === undefined ? undefined : join(dirname(options.persistFile), 'dynamo');
  if (dynamoPath !== undefined) mkdirSync(dynamoPath, { recursive: true });
  const dynamo = await startSandboxDynamo(await pickPort('DynamoDB', options.dynamoPort, say), dynamoPath === undefined ? {} : { path: dynamoPath });
  say('Meshbot sandbox');
  for (const line of describeSandboxAws(emulator.endpoint, emulator.controls.accounts())) say(line);
  say(`  DynamoDB (dynalite): ${dynamo.endpoint}, tables ${dynamo.tablePrefix}*`);
  say(options.persistFile === undefined ? '  State: in memory (--no-persist)' : `  State: ${options.persistFile} and ${dynamoPath ?? ''} (POST ${emulator.endpoint}/_sandbox/reset to reset AWS; delete the folder to start over)`);
  say('Press Ctrl-C to stop.');
  const stop = (): void => {
    void Promise.all([emulator.close(), dynamo.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await main();
} catch (error) {
  if (error instanceof SandboxUsageError || error instanceof WorldFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
