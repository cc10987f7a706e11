import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IdentitySchema, type Identity } from '../domain/identity';
import { slackUserKey, type SlackUser } from '../domain/slack-user';
import { getItem } from './get-item';
import type { Page, PageRequest } from './page';
import { queryIndex } from './query-index';
import { IDENTITIES_TABLE, tableName } from './table-definitions';
import { putVersioned } from './versioned-put';

const ALL_PARTITION = 'identity';
const keyOf = (item: { userKey?: unknown }): string => `identity ${String(item.userKey)}`;

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
  const get = (user: SlackUser): Promise<Identity | undefined> =>
    getItem(client, table, { userKey: slackUserKey(user) }, IdentitySchema, `identity ${slackUserKey(user)}`);

  return {
    get,

    /** Write an identity: version 1 creates it, version n+1 replaces version n (StaleWriteError otherwise). */
    save: (identity: Identity): Promise<void> =>
      putVersioned({
        client,
        table,
        keyName: 'userKey',
        label: `identity ${slackUserKey(identity.user)}`,
        item: { ...identity, userKey: slackUserKey(identity.user), gsiAll: ALL_PARTITION },
        reread: () => get(identity.user),
      }),

    /** Every mapped person, a page at a time (one item per person the admins ever mapped). */
    list: (page?: PageRequest): Promise<Page<Identity>> =>
      queryIndex({ client, table, index: IDENTITIES_TABLE.indexes.all, partition: ALL_PARTITION, schema: IdentitySchema, keyOf }, page),
  };
}
