import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProduct } from '../../../src/mesh/domain/data-product';
import { AlreadyExistsError, StaleWriteError } from '../../../src/mesh/errors';
import { createProductStore, type ProductStore } from '../../../src/mesh/store/product-store';
import { startTestDynamo, type TestDynamo } from '../../support/test-dynamo';

const pat = { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' };

function product(id: string, producerAccountId: string, overrides: Partial<DataProduct> = {}): DataProduct {
  return {
    id,
    name: id,
    producerAccountId,
    sourceDatabase: 'telco',
    meshDatabase: id,
    tables: ['usecase1_cell_kpis'],
    owners: [pat],
    offeredPermissions: ['SELECT', 'DESCRIBE'],
    publicMetadata: true,
    syncEveryHours: 4,
    publishedBy: pat,
    publishedAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    version: 1,
    history: [],
    ...overrides,
  };
}

describe('product store on dynalite', () => {
  let dynamo: TestDynamo;
  let store: ProductStore;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    store = createProductStore({ client: dynamo.doc, tablePrefix: dynamo.tablePrefix });
    await store.save(product('telco-111111111111', '111111111111', { domain: 'network', description: 'Cell KPIs and churn features' }));
    await store.save(product('sales-222222222222', '222222222222', { tables: ['orders', 'customers'], description: 'Retail sales' }));
    await store.save(product('billing-111111111111', '111111111111', { name: 'Billing', tables: ['invoices'] }));
  });
  afterAll(async () => {
    await dynamo.close();
  });

  it('keeps products and versions their updates', async () => {
    const telco = await store.get('telco-111111111111');
    expect(telco?.domain).toBe('network');

    await store.save({ ...telco!, description: 'v2', version: 2 });

    await expect(store.save({ ...telco!, description: 'racing v2', version: 2 })).rejects.toBeInstanceOf(StaleWriteError);
    await expect(store.save(product('telco-111111111111', '111111111111'))).rejects.toBeInstanceOf(AlreadyExistsError);
    expect((await store.get('telco-111111111111'))?.description).toBe('v2');
  });

  it('lists the products of a producer', async () => {
    const page = await store.listForProducer('111111111111');
    expect(page.items.map((p) => p.id).sort()).toEqual(['billing-111111111111', 'telco-111111111111']);
  });

  it('finds products by name, description, domain or table, case-insensitively, with a Query', async () => {
    dynamo.operations.length = 0;

    const byTable = await store.search('ORDERS');
    const byDescription = await store.search('retail');
    const byName = await store.search('billing');
    const everything = await store.search('');
    const nothing = await store.search('weather');
    const paged = await store.search('', { limit: 2 });

    expect(byTable.items.map((p) => p.id)).toEqual(['sales-222222222222']);
    expect(byDescription.items.map((p) => p.id)).toEqual(['sales-222222222222']);
    expect(byName.items.map((p) => p.id)).toEqual(['billing-111111111111']);
    expect(everything.items).toHaveLength(3);
    expect(nothing.items).toEqual([]);
    expect(paged.items).toHaveLength(2);
    expect(paged.cursor).toBeDefined();
    expect(dynamo.operations).not.toContain('Scan');
  });
});
