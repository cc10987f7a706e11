/**
 * The DynamoDB tables of Meshbot: keys and global secondary indexes. The one definition used by the
 * store, by the sandbox and tests (to create them on dynalite) and by the CDK stack.
 */

/** One global secondary index: a string partition key and a string sort key, all attributes projected. */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

/** One table: a string partition key (no sort key) and its indexes. */
export interface TableDefinition {
  /** Logical name; the physical name is `<prefix><logical name>`. */
  name: string;
  partitionKey: string;
  indexes: Readonly<Record<string, IndexDefinition>>;
}

/** Subscriptions by id; indexes serve every list the bot shows (each sorted by id, i.e. by creation time). */
export const SUBSCRIPTIONS_TABLE = {
  name: 'subscriptions',
  partitionKey: 'id',
  indexes: {
    /** Pending (or any status) requests addressed to a producer account: pk `<producer>#<status>`. */
    byProducerStatus: { name: 'by-producer-status', partitionKey: 'gsiProducerStatus', sortKey: 'id' },
    byConsumer: { name: 'by-consumer', partitionKey: 'consumerAccountId', sortKey: 'id' },
    byProduct: { name: 'by-product', partitionKey: 'productId', sortKey: 'id' },
    /** pk `<team>#<user>` of the requester. */
    byRequester: { name: 'by-requester', partitionKey: 'gsiRequester', sortKey: 'id' },
    /** Sweeps (reminders, expiry) and `subscriptions status <s>`. */
    byStatus: { name: 'by-status', partitionKey: 'status', sortKey: 'id' },
  },
} as const satisfies TableDefinition;

/** Data products by id. */
export const PRODUCTS_TABLE = {
  name: 'products',
  partitionKey: 'id',
  indexes: {
    byProducer: { name: 'by-producer', partitionKey: 'producerAccountId', sortKey: 'id' },
    /** Every product in one partition (`gsiAll` = `product`), for browsing and text search without a Scan. */
    all: { name: 'all', partitionKey: 'gsiAll', sortKey: 'id' },
  },
} as const satisfies TableDefinition;

/** Slack user → account personas, by `<team>#<user>`. */
export const IDENTITIES_TABLE = {
  name: 'identities',
  partitionKey: 'userKey',
  indexes: {
    /** Every mapped person in one partition (`gsiAll` = `identity`): who acts for which account, for admins. */
    all: { name: 'all', partitionKey: 'gsiAll', sortKey: 'userKey' },
  },
} as const satisfies TableDefinition;

/** Accounts enabled in the mesh, by account id. */
export const ACCOUNTS_TABLE = {
  name: 'accounts',
  partitionKey: 'accountId',
  indexes: {
    /** Every account in one partition (`gsiAll` = `account`): `/mesh admin accounts`. */
    all: { name: 'all', partitionKey: 'gsiAll', sortKey: 'accountId' },
  },
} as const satisfies TableDefinition;

/** Where messages about a subject (a subscription, a product) were posted, so each is updated in place. */
export const NOTICES_TABLE = {
  name: 'notices',
  partitionKey: 'subjectId',
  indexes: {},
} as const satisfies TableDefinition;

/** Every table Meshbot needs. */
export const TABLES: readonly TableDefinition[] = [SUBSCRIPTIONS_TABLE, PRODUCTS_TABLE, IDENTITIES_TABLE, ACCOUNTS_TABLE, NOTICES_TABLE];

/** The physical table name for a logical one, e.g. `meshbot-subscriptions`. */
export function tableName(prefix: string, table: TableDefinition): string {
  return `${prefix}${table.name}`;
}
