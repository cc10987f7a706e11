import { DescribeTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLES, tableName, type TableDefinition } from './table-definitions';

/** What is wrong with one of Meshbot's tables, in words: missing, not ready, or keyed otherwise. */
export interface TableProblem {
  table: string;
  problem: string;
}

/**
 * Check that each of Meshbot's tables exists under `prefix`, is ACTIVE and has the partition key and
 * indexes the store uses (DescribeTable). An empty list means the store can run.
 */
export async function checkTables(client: DynamoDBClient, prefix: string, tables: readonly TableDefinition[] = TABLES): Promise<TableProblem[]> {
  const problems: TableProblem[] = [];
  for (const definition of tables) {
    const table = tableName(prefix, definition);
    let description;
    try {
      ({ Table: description } = await client.send(new DescribeTableCommand({ TableName: table })));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) {
        problems.push({ table, problem: 'does not exist' });
        continue;
      }
      throw error;
    }
    const key = description?.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName;
    const indexes = new Set((description?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const missingIndexes = Object.values(definition.indexes).filter((i) => !indexes.has(i.name)).map((i) => i.name);
    if (key !== definition.partitionKey) problems.push({ table, problem: `is keyed on ${key ?? 'nothing'}, not ${definition.partitionKey}` });
    else if (missingIndexes.length > 0) problems.push({ table, problem: `lacks the index${missingIndexes.length > 1 ? 'es' : ''} ${missingIndexes.join(', ')}` });
    else if (description?.TableStatus !== 'ACTIVE') problems.push({ table, problem: `is ${description?.TableStatus ?? 'in an unknown state'}, not ACTIVE` });
  }
  return problems;
}
