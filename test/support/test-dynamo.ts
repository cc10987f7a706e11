import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../src/mesh/store/document-client';
import { createTables } from '../../src/mesh/store/create-tables';
import { startDynalite, type LocalDynamo } from '../../src/sandbox/dynamo/start-dynalite';

/** dynalite on port 0 with Meshbot's tables, and the real SDK clients pointed at it. */
export interface TestDynamo extends LocalDynamo {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tablePrefix: string;
}

/** Start dynalite, create the tables, and return clients; `close()` stops both. */
export async function startTestDynamo(tablePrefix = 'test-'): Promise<TestDynamo> {
  const dynamo = await startDynalite(0);
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createTables(client, tablePrefix);
  const doc = createDocumentClient(client);
  return {
    ...dynamo,
    client,
    doc,
    tablePrefix,
    close: async () => {
      client.destroy();
      await dynamo.close();
    },
  };
}
