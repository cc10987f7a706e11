import { startSandboxDynamo } from '../dynamo/start-sandbox-dynamo';

/** `npm start`: the sandbox pieces that exist so far, on 127.0.0.1, until Ctrl-C. */
async function main(): Promise<void> {
  const dynamo = await startSandboxDynamo(Number(process.env.DYNAMO_PORT ?? 4567));
  console.log(`Meshbot sandbox\n  DynamoDB (dynalite): ${dynamo.endpoint} — tables ${dynamo.tablePrefix}subscriptions, ${dynamo.tablePrefix}products, ${dynamo.tablePrefix}identities\nPress Ctrl-C to stop.`);
  const stop = (): void => {
    void dynamo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
