import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTables } from '../../mesh/store/create-tables';
import { startDynalite, type LocalDynamo } from './start-dynalite';

/** The sandbox's DynamoDB: dynalite with Meshbot's tables created. */
export interface SandboxDynamo extends LocalDynamo {
  tablePrefix: string;
}

/** Start dynalite on 127.0.0.1:`port` (0 = any free port), in memory or kept in the folder `path`, with Meshbot's tables created. */
export async function startSandboxDynamo(port: number, options: { tablePrefix?: string; path?: string } = {}): Promise<SandboxDynamo> {
  const tablePrefix = options.tablePrefix ?? 'meshbot-';
  const dynamo = await startDynalite(port, options.path);
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
