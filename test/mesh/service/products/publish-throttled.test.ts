import { GetTablesCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enableAccount } from '../../../../src/mesh/service/accounts/enable-account';
import { publishProduct } from '../../../../src/mesh/service/products/publish-product';
import { SANDBOX_ACCOUNTS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, createTables, type ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { createProducerBucket } from '../../../support/producer-bucket';
import { startMeshWorld, USERS, type MeshWorld } from '../../../support/mesh-world';

const MESH = SANDBOX_ACCOUNTS.mesh.id;
const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
const TABLES = Array.from({ length: 40 }, (_, i) => `events_${String(i).padStart(2, '0')}`);

let world: MeshWorld;
let pool: ClientPool;

beforeAll(async () => {
  world = await startMeshWorld();
  pool = clientPool(world.emu);
  await createTables(pool.as('producer').glue, 'network', TABLES);
  // createTables puts the tables in s3://bucket/…; the producer lets the mesh read it, as the deploy guide asks.
  await createProducerBucket(world.emu, 'bucket');
  await enableAccount(world.deps, world.ctx(USERS.ada), { accountId: PRODUCER, as: 'producer' });
});

afterAll(async () => {
  pool.destroy();
  await world.close();
});

describe('publishing while Glue throttles CreateTable', () => {
  it('still publishes every table and every link, retrying the refused calls', async () => {
    world.emu.controls.faults.add({ service: 'glue', operation: 'CreateTable', error: 'ThrottlingException', rate: 0.3, seed: 11 });

    const { summary } = await publishProduct(world.deps, world.ctx(USERS.pat), { producerAccountId: PRODUCER, sourceDatabase: 'network' });

    const [fault] = world.emu.controls.faults.list();
    expect(fault!.fired).toBeGreaterThan(10);
    expect(summary.created).toEqual(TABLES);
    expect(summary.linksCreated).toEqual(TABLES.map((t) => `${t}_link`));
    const mesh = await pool.as('mesh').glue.send(new GetTablesCommand({ CatalogId: MESH, DatabaseName: `network-${PRODUCER}` }));
    expect(mesh.TableList?.map((t) => t.Name)).toEqual(TABLES);
    const throttled = world.emu.controls.calls.list({ operation: 'CreateTable' }).filter((c) => c.injected);
    expect(throttled.length).toBe(fault!.fired);
  });
});
