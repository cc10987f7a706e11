import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../src/mesh/errors';
import { enableAccount } from '../../../../src/mesh/service/accounts/enable-account';
import { describeProduct, getProduct, listProducts, searchProducts } from '../../../../src/mesh/service/products/product-queries';
import { publishProduct } from '../../../../src/mesh/service/products/publish-product';
import { requestAccess } from '../../../../src/mesh/service/subscriptions/request-access';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';

const PRODUCER = SANDBOX_ACCOUNTS.producer.id;

let world: MeshWorld;

beforeAll(async () => {
  world = await startMeshWorld();
  await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: PRODUCER, as: 'producer' });
  await publishProduct(world.deps, world.ctx(USERS.pat), {
    producerAccountId: PRODUCER,
    sourceDatabase: 'telco',
    tablePattern: 'usecase*',
    domain: 'network',
    description: 'Cell KPIs and customer churn',
  });
  await publishProduct(world.deps, world.ctx(USERS.pat), {
    producerAccountId: PRODUCER,
    sourceDatabase: 'telco',
    tablePattern: 'cell_towers',
    meshDatabase: 'towers-private',
    name: 'Tower inventory',
    publicMetadata: false,
  });
});

afterAll(async () => {
  await world.close();
});

describe('getProduct', () => {
  it('answers a product by id', async () => {
    expect(await getProduct(world.deps, world.ctx(USERS.casey), { productId: 'telco-111111111111' })).toMatchObject({ id: 'telco-111111111111', domain: 'network' });
  });

  it('refuses an unknown id with a hint, and a private product to those who may not see it alike', async () => {
    for (const productId of ['nope', 'towers-private']) {
      const attempt = getProduct(world.deps, world.ctx(USERS.casey), { productId });
      await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
      await expect(getProduct(world.deps, world.ctx(USERS.casey), { productId })).rejects.toMatchObject({ message: `no data product ${productId}`, reason: 'product_not_found_or_private', params: { productId }, path: ['productId'], hint: expect.stringContaining('search the published products') as unknown });
    }
    expect((await getProduct(world.deps, world.ctx(USERS.sam), { productId: 'towers-private' })).name).toBe('Tower inventory');
  });
});

describe('listProducts and searchProducts', () => {
  it('lists the products of a producer, private ones only to its producers', async () => {
    const forConsumer = await listProducts(world.deps, world.ctx(USERS.casey), { producerAccountId: PRODUCER });
    expect(forConsumer.items.map((p) => p.id)).toEqual(['telco-111111111111']);
    const forProducer = await listProducts(world.deps, world.ctx(USERS.pat), {});
    expect(forProducer.items.map((p) => p.id).sort()).toEqual(['telco-111111111111', 'towers-private']);
  });

  it('finds products by a word of their description or a table name', async () => {
    expect((await searchProducts(world.deps, world.ctx(USERS.casey), { text: 'Churn' })).items.map((p) => p.id)).toEqual(['telco-111111111111']);
    expect((await searchProducts(world.deps, world.ctx(USERS.casey), { text: 'billing' })).items).toEqual([]);
  });
});

describe('describeProduct', () => {
  it('answers each table with its location, columns and partition keys, read as the mesh read-only role', async () => {
    world.emu.controls.calls.clear();
    const { tables, missing } = await describeProduct(world.deps, world.ctx(USERS.casey), { productId: 'telco-111111111111' });

    expect(missing).toEqual([]);
    expect(tables.map((t) => [t.name, t.location])).toEqual([
      ['usecase1_cell_kpis', 's3://producer-111111111111-telco/usecase1_cell_kpis/'],
      ['usecase2_customer_churn', 's3://producer-111111111111-telco/usecase2_customer_churn/'],
    ]);
    expect(tables[1]!.columns[2]).toEqual({ name: 'contract_type', type: 'string', comment: 'prepaid, monthly, annual' });
    expect(tables[1]!.partitionKeys).toEqual([{ name: 'snapshot_date', type: 'date' }]);
    const glue = world.emu.controls.calls.list({ service: 'glue' });
    expect(glue.map((c) => [c.roleName, c.sourceIdentity])).toEqual([['MeshbotMeshReadOnly', USERS.casey.userId]]);
  });

  it('reads a private product as the producer role in the mesh, for its producers', async () => {
    const { tables } = await describeProduct(world.deps, world.ctx(USERS.sam), { productId: 'towers-private' });
    expect(tables.map((t) => t.name)).toEqual(['cell_towers']);
  });
});

describe('a request naming an unknown column', () => {
  it('lists the real columns of a public product, but not those of a private one to a requester who may not see it', async () => {
    const ask = (productId: string, table: string) =>
      requestAccess(world.deps, world.ctx(USERS.casey), { productId, tables: [table], permissions: ['SELECT'], columns: { kind: 'include', names: ['no_such_col'] }, justification: 'Coverage map' });

    await expect(ask('telco-111111111111', 'usecase2_customer_churn')).rejects.toMatchObject({
      reason: 'unknown_column',
      params: { tables: [{ table: 'usecase2_customer_churn', missing: ['no_such_col'], columns: expect.arrayContaining(['customer_id', 'snapshot_date']) as unknown }] },
    });
    const refused = await ask('towers-private', 'cell_towers').catch((error: unknown) => error);
    expect(refused).toMatchObject({ reason: 'unknown_column', params: { private: true, tables: [{ table: 'cell_towers', missing: ['no_such_col'], columns: [] }] } });
    expect(JSON.stringify(refused)).not.toContain('tower_id');
    expect(refused).toMatchObject({ hint: "the product's metadata is not public: ask its owners for the column names" });
  });
});
