import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MeshAccountSchema, type MeshAccount } from '../domain/mesh-account';
import { getItem } from './get-item';
import type { Page, PageRequest } from './page';
import { queryIndex } from './query-index';
import { ACCOUNTS_TABLE, tableName } from './table-definitions';
import { putVersioned } from './versioned-put';

/** Where the store keeps enabled accounts. */
export interface AccountStoreOptions {
  client: DynamoDBDocumentClient;
  tablePrefix: string;
}

/** Accounts enabled in the mesh, in DynamoDB. */
export type AccountStore = ReturnType<typeof createAccountStore>;

const ALL_PARTITION = 'account';
const keyOf = (item: { accountId?: unknown }): string => `account ${String(item.accountId)}`;

/** Build the account store over a DynamoDB document client. */
export function createAccountStore({ client, tablePrefix }: AccountStoreOptions) {
  const table = tableName(tablePrefix, ACCOUNTS_TABLE);

  /** One enabled account, or undefined. */
  const get = (accountId: string): Promise<MeshAccount | undefined> =>
    getItem(client, table, { accountId }, MeshAccountSchema, keyOf({ accountId }));

  return {
    get,

    /** Write an account: version 1 creates it, version n+1 replaces version n (StaleWriteError otherwise). */
    save: (account: MeshAccount): Promise<void> =>
      putVersioned({ client, table, keyName: 'accountId', label: keyOf(account), item: { ...account, gsiAll: ALL_PARTITION }, reread: () => get(account.accountId) }),

    /** Every enabled account (the list is short: one item per account of the mesh). */
    list: (page?: PageRequest): Promise<Page<MeshAccount>> =>
      queryIndex({ client, table, index: ACCOUNTS_TABLE.indexes.all, partition: ALL_PARTITION, schema: MeshAccountSchema, keyOf }, page),
  };
}
