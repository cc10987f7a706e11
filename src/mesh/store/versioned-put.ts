import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, StaleWriteError } from '../errors';

/** One item write guarded by its `version` attribute. */
export interface VersionedPut {
  client: DynamoDBDocumentClient;
  table: string;
  /** The partition key attribute (the item's id). */
  keyName: string;
  /** Names the item in errors, e.g. `subscription 01J…`. */
  label: string;
  item: Record<string, unknown> & { version: number };
  /** Re-read the item after a lost race, so the loser can be told what happened. */
  reread: () => Promise<unknown>;
}

/**
 * Put an item as version 1 (it must not exist) or as version n+1 (the stored one must be n): one
 * conditional write, so of two concurrent writers exactly one wins.
 */
export async function putVersioned({ client, table, keyName, label, item, reread }: VersionedPut): Promise<void> {
  const creating = item.version === 1;
  try {
    await client.send(
      new PutCommand({
        TableName: table,
        Item: item,
        ConditionExpression: creating ? 'attribute_not_exists(#key)' : '#version = :expected',
        ExpressionAttributeNames: creating ? { '#key': keyName } : { '#version': 'version' },
        ...(!creating && { ExpressionAttributeValues: { ':expected': item.version - 1 } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (creating) throw new AlreadyExistsError(label);
    // dynalite cannot return the old item with the failure (ReturnValuesOnConditionCheckFailure), so read it back.
    throw new StaleWriteError(label, item.version - 1, await reread(), { cause: error });
  }
}
