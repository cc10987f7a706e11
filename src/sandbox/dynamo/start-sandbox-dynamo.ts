import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTables } from '../../mesh/store/create-tables';
import { startDynalite, type LocalDynamo } from './start-dynalite';

/** The sandbox's DynamoDB: dynalite with Meshbot's tables created. */
export interface SandboxDynamo extends LocalDynamo {
  tablePrefix: string;
}

/** Start dynalite on 127.0.0.1:`port` (0 = any free port) and create Meshbot's tables in it. */
export async function startSandboxDynamo(port: number, tablePrefix = 'meshbot-'): Promise<SandboxDynamo> {
  const dynamo = await startDynalite(port);
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    // dynalite accepts any keys; these are not AWS credentials.
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
  });
  try {
    await createTables(client, tablePrefix);
  } finally {
    client.destroy();
  }
  return { ...dynamo, tablePrefix };
}
