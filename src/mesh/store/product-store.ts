import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DataProductSchema, type DataProduct } from '../domain/data-product';
import { getItem } from './get-item';
import { pageLimit, type Page, type PageRequest } from './page';
import { queryIndex } from './query-index';
import { PRODUCTS_TABLE, tableName } from './table-definitions';
import { putVersioned } from './versioned-put';

/** Where the store keeps data products. */
export interface ProductStoreOptions {
  client: DynamoDBDocumentClient;
  tablePrefix: string;
}

/** Data products in DynamoDB, versioned like subscriptions. */
export type ProductStore = ReturnType<typeof createProductStore>;

const { byProducer, all } = PRODUCTS_TABLE.indexes;
const ALL_PARTITION = 'product';

/** Lower-cased words a text search matches: id, name, domain, description and table names. */
function searchText(product: DataProduct): string {
  return [product.id, product.name, product.domain, product.description, ...product.tables].join(' ').toLowerCase();
}

const keyOf = (item: { id?: unknown }): string => `product ${String(item.id)}`;

/** Build the product store over a DynamoDB document client. */
export function createProductStore({ client, tablePrefix }: ProductStoreOptions) {
  const table = tableName(tablePrefix, PRODUCTS_TABLE);

  /** Read one product (strongly consistent), or undefined. */
  const get = (id: string): Promise<DataProduct | undefined> => getItem(client, table, { id }, DataProductSchema, keyOf({ id }));

  return {
    get,

    /** Write a product: version 1 creates it, version n+1 replaces version n (StaleWriteError otherwise). */
    save: (product: DataProduct): Promise<void> =>
      putVersioned({
        client,
        table,
        keyName: 'id',
        label: keyOf(product),
        item: { ...product, gsiAll: ALL_PARTITION, gsiSearch: searchText(product) },
        reread: () => get(product.id),
      }),

    /** Products of one producer account. */
    listForProducer: (producerAccountId: string, page?: PageRequest): Promise<Page<DataProduct>> =>
      queryIndex({ client, table, index: byProducer, partition: producerAccountId, schema: DataProductSchema, keyOf }, page),

    /**
     * Products whose id, name, domain, description or a table contains `text` (case-insensitive).
     * DynamoDB filters after reading a page, so keep reading until the page is full or the list ends.
     */
    async search(text: string, page?: PageRequest): Promise<Page<DataProduct>> {
      const wanted = pageLimit(page);
      const items: DataProduct[] = [];
      let cursor = page?.cursor;
      const filter = text.trim() === '' ? undefined : { expression: 'contains(gsiSearch, :text)', values: { ':text': text.trim().toLowerCase() } };
      do {
        const answer = await queryIndex(
          { client, table, index: all, partition: ALL_PARTITION, schema: DataProductSchema, keyOf, ...(filter && { filter }) },
          { limit: wanted - items.length, ...(cursor !== undefined && { cursor }) },
        );
        items.push(...answer.items);
        cursor = answer.cursor;
      } while (items.length < wanted && cursor !== undefined);
      return cursor === undefined ? { items } : { items, cursor };
    },
  };
}
