import { pino } from 'pino';
import { startEmulator } from '../aws/emulator';
import { startSandboxDynamo } from '../dynamo/start-sandbox-dynamo';
import { describeSandboxAws } from './describe-sandbox-aws';
import { listenOrFallback } from './listen-or-fallback';

/** `npm start`: the sandbox pieces that exist so far, on 127.0.0.1, until Ctrl-C. Never fails on a taken port. */
async function main(): Promise<void> {
  const say = (line: string): void => {
    console.log(line);
  };
  const port = (name: string, fallback: number): number => {
    const value = Number(process.env[name] ?? fallback);
    return Number.isInteger(value) && value >= 0 && value <= 65_535 ? value : fallback;
  };
  // In memory: `npm start` always begins from the seed (`npm run sandbox` persists).
  const emulator = await listenOrFallback('AWS emulator', port('SANDBOX_PORT', 4566), (p) => startEmulator({ port: p, logger: pino({ level: 'warn' }) }), say);
  const dynamo = await listenOrFallback('DynamoDB', port('DYNAMO_PORT', 4567), (p) => startSandboxDynamo(p), say);
  say('Meshbot sandbox');
  for (const line of describeSandboxAws(emulator.endpoint, emulator.controls.accounts())) say(line);
  say(`  DynamoDB (dynalite): ${dynamo.endpoint}, tables ${dynamo.tablePrefix}*\nPress Ctrl-C to stop.`);
  const stop = (): void => {
    void Promise.all([emulator.close(), dynamo.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
