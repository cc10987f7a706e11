import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { wireMesh } from '../../mesh/service/wire-mesh';
import { startEmulator } from '../aws/emulator';
import { runWorkshopDemo } from '../demo/workshop-demo';
import { SANDBOX_PEOPLE } from '../seed/seed-mesh';
import { startSandboxDynamo } from '../dynamo/start-sandbox-dynamo';
import { SANDBOX_ACCOUNTS, SANDBOX_BOT_SESSION, SANDBOX_REGION } from '../seed/sandbox-accounts';

const USAGE = 'usage: npm run demo [-- --endpoint http://127.0.0.1:4566 [--dynamo http://127.0.0.1:4567] [--table-prefix meshbot-]]';

/** `npm run demo`: the workshop on a sandbox of its own, or (`--endpoint`) on a running one, whose state it keeps. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { endpoint: { type: 'string' }, dynamo: { type: 'string' }, 'table-prefix': { type: 'string' } } }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const own = args.endpoint === undefined ? { emulator: await startEmulator({ port: 0 }), dynamo: await startSandboxDynamo(0) } : undefined;
  const awsEndpoint = own?.emulator.endpoint ?? args.endpoint ?? '';
  const dynamoEndpoint = own?.dynamo.endpoint ?? args.dynamo ?? 'http://127.0.0.1:4567';
  const local = { region: SANDBOX_REGION, credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' } };
  const dynamo = new DynamoDBClient({ ...local, endpoint: dynamoEndpoint });
  const sts = new STSClient({ region: SANDBOX_REGION, endpoint: awsEndpoint, credentials: { ...SANDBOX_BOT_SESSION } });
  const mesh = wireMesh({
    config: { meshAccountId: SANDBOX_ACCOUNTS.mesh.id, region: SANDBOX_REGION, meshAdmins: [SANDBOX_PEOPLE.ada] },
    dynamo,
    tablePrefix: args['table-prefix'] ?? 'meshbot-',
    sts,
    awsEndpoint,
    logger: pino({ level: 'warn' }),
  });
  console.log(`Meshbot workshop demo on ${awsEndpoint} (AWS) and ${dynamoEndpoint} (DynamoDB)\n`);
  try {
    const outcome = await runWorkshopDemo(mesh.service, (line) => {
      console.log(line);
    });
    console.log(`\nDone: subscription ${outcome.subscriptionId} is ACTIVE; query ${outcome.namesToQuery.join(', ')}.`);
    if (own) console.log('The sandbox started for this demo is stopped now; run `npm run sandbox` and `npm run demo -- --endpoint http://127.0.0.1:4566` to keep the state.');
  } finally {
    mesh.destroy();
    dynamo.destroy();
    sts.destroy();
    await own?.emulator.close();
    await own?.dynamo.close();
  }
}

await main();
