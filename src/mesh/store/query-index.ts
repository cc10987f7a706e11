import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { IndexDefinition } from './table-definitions';
import { parseItem } from './item-codec';
import { decodeCursor, encodeCursor, pageLimit, type Page, type PageRequest } from './page';

/** What one indexed list reads: a partition of one index, optionally filtered on the server. */
export interface IndexQuery<S extends z.ZodType> {
  client: DynamoDBDocumentClient;
  table: string;
  index: IndexDefinition;
  partition: string;
  schema: S;
  /** Names an item in errors (its primary key). */
  keyOf: (item: Record<string, unknown>) => string;
  /** A FilterExpression with its values (names are written literally). */
  filter?: { expression: string; values: Record<string, unknown> };
}

/** Query one partition of an index, newest first, one page; every item parsed with the schema. */
export async function queryIndex<S extends z.ZodType>(query: IndexQuery<S>, request?: PageRequest): Promise<Page<z.infer<S>>> {
  const answer = await query.client.send(
    new QueryCommand({
      TableName: query.table,
      IndexName: query.index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': query.index.partitionKey },
      ExpressionAttributeValues: { ':pk': query.partition, ...query.filter?.values },
      FilterExpression: query.filter?.expression,
      ScanIndexForward: false,
      Limit: pageLimit(request),
      ExclusiveStartKey: decodeCursor(request?.cursor),
    }),
  );
  const items = (answer.Items ?? []).map((item) => parseItem<S>(query.schema, item, query.keyOf(item)));
  const cursor = encodeCursor(answer.LastEvaluatedKey);
  return cursor === undefined ? { items } : { items, cursor };
}
