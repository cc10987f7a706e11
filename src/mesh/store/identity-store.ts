import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IdentitySchema, type Identity } from '../domain/identity';
import { slackUserKey, type SlackUser } from '../domain/slack-user';
import { parseItem } from './item-codec';
import { IDENTITIES_TABLE, tableName } from './table-definitions';
import { putVersioned } from './versioned-put';

/** Where the store keeps identities. */
export interface IdentityStoreOptions {
  client: DynamoDBDocumentClient;
  tablePrefix: string;
}

/** Slack user → account personas, in DynamoDB. */
export type IdentityStore = ReturnType<typeof createIdentityStore>;

/** Build the identity store over a DynamoDB document client. */
export function createIdentityStore({ client, tablePrefix }: IdentityStoreOptions) {
  const table = tableName(tablePrefix, IDENTITIES_TABLE);

  /** The personas of a Slack user, or undefined when the user is not mapped. */
  async function get(user: SlackUser): Promise<Identity | undefined> {
    const key = slackUserKey(user);
    const answer = await client.send(new GetCommand({ TableName: table, Key: { userKey: key }, ConsistentRead: true }));
    return answer.Item ? parseItem(IdentitySchema, answer.Item, `identity ${key}`) : undefined;
  }

  return {
    get,

    /** Write an identity: version 1 creates it, version n+1 replaces version n (StaleWriteError otherwise). */
    save: (identity: Identity): Promise<void> =>
      putVersioned({
        client,
        table,
        keyName: 'userKey',
        label: `identity ${slackUserKey(identity.user)}`,
        item: { ...identity, userKey: slackUserKey(identity.user) },
        reread: () => get(identity.user),
      }),
  };
}
