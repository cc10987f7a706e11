import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { parseItem } from './item-codec';
import { NOTICES_TABLE, tableName } from './table-definitions';

/**
 * A place a subject was shown (for Slack: a channel and a message ts) and to whom (which rendering it
 * gets when updated); opaque to the mesh.
 */
export const NoticeRefSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1), view: z.enum(['owner', 'admin', 'requester']).optional() });

const NoticesItemSchema = z.object({ subjectId: z.string(), refs: z.array(NoticeRefSchema) });

export type NoticeRef = z.infer<typeof NoticeRefSchema>;

/** Where the store keeps notices. */
export interface NoticeStoreOptions {
  client: DynamoDBDocumentClient;
  tablePrefix: string;
}

/** Notices in DynamoDB: appended atomically, so two writers never lose each other's refs. */
export type NoticeStore = ReturnType<typeof createNoticeStore>;

/** Build the notice store over a DynamoDB document client. */
export function createNoticeStore({ client, tablePrefix }: NoticeStoreOptions) {
  const table = tableName(tablePrefix, NOTICES_TABLE);
  return {
    /** Remember that `subjectId` was shown at `ref` (one UpdateItem; list_append is atomic). */
    async add(subjectId: string, ref: NoticeRef): Promise<void> {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: { subjectId },
          UpdateExpression: 'SET #refs = list_append(if_not_exists(#refs, :empty), :ref)',
          ExpressionAttributeNames: { '#refs': 'refs' },
          ExpressionAttributeValues: { ':empty': [], ':ref': [ref] },
        }),
      );
    },

    /** Every place `subjectId` was shown, oldest first. */
    async list(subjectId: string): Promise<NoticeRef[]> {
      const answer = await client.send(new GetCommand({ TableName: table, Key: { subjectId }, ConsistentRead: true }));
      return answer.Item ? parseItem(NoticesItemSchema, answer.Item, `notices of ${subjectId}`).refs : [];
    },
  };
}
