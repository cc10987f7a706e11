import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLES, tableName, type TableDefinition } from './table-definitions';

/** Create Meshbot's tables (on-demand) if they do not exist yet: for the sandbox and tests; the CDK stack owns them in AWS. */
export async function createTables(client: DynamoDBClient, prefix: string, tables: readonly TableDefinition[] = TABLES): Promise<void> {
  for (const table of tables) {
    const indexes = Object.values(table.indexes);
    const attributes = new Set<string>([table.partitionKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName(prefix, table),
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          KeySchema: [{ AttributeName: table.partitionKey, KeyType: 'HASH' }],
          ...(indexes.length > 0 && {
            GlobalSecondaryIndexes: indexes.map((index) => ({
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            })),
          }),
        }),
      );
    } catch (error) {
      // Already there (a restarted sandbox keeping its data): nothing to do.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await client.send(new DescribeTableCommand({ TableName: tableName(prefix, table) }));
  }
}
