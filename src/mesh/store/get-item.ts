import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { parseItem } from './item-codec';

/** One item by key (strongly consistent), parsed with its schema; undefined when absent. */
export async function getItem<S extends z.ZodType>(
  client: DynamoDBDocumentClient,
  table: string,
  key: Record<string, string>,
  schema: S,
  label: string,
): Promise<z.infer<S> | undefined> {
  const answer = await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
  return answer.Item ? parseItem<S>(schema, answer.Item, label) : undefined;
}
