import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeshService } from '../../../src/mesh/service/create-mesh-service';
import { runWorkshopDemo } from '../../../src/sandbox/demo/workshop-demo';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, type ClientPool } from '../aws/cross-account/service-clients';
import { startMeshWorld, type MeshWorld } from '../../support/mesh-world';
import { ListPermissionsCommand, ListResourcesCommand } from '@aws-sdk/client-lakeformation';
import { grantsTo } from '../../support/grants-to';

let world: MeshWorld;
let pool: ClientPool;

beforeAll(async () => {
  // startMeshWorld maps Pat and Casey already; the demo maps them again, which changes nothing.
  world = await startMeshWorld();
  pool = clientPool(world.emu);
});
afterAll(async () => {
  pool.destroy();
  await world.close();
});

describe('npm run demo (the workshop, end to end)', () => {
  it('leaves an ACTIVE subscription whose names the consumer can query, told step by step', async () => {
    const lines: string[] = [];

    const outcome = await runWorkshopDemo(createMeshService(world.deps), (line) => lines.push(line));

    expect(outcome.productId).toBe('telco-111111111111');
    expect(outcome.namesToQuery).toEqual(['"telco-111111111111"."usecase1_cell_kpis"', '"telco-111111111111"."usecase2_customer_churn"']);
    expect(lines.filter((l) => /^\d\. /.test(l)).map((l) => l.slice(0, 2))).toEqual(['0.', '1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(lines.join('\n')).toContain('SELECT * FROM "telco-111111111111"."usecase1_cell_kpis" LIMIT 10;');
    expect(lines).toContain('   partitions mirrored from the source: 72 new, 0 updated, 0 dropped');
    expect(lines).toContain('   telco-111111111111 published; mesh database telco-111111111111: usecase1_cell_kpis, usecase2_customer_churn');
    // Lake Formation in the mesh account shows the consumer account's grants on both tables.
    const tables = (await grantsTo(pool.as('mesh').lf, SANDBOX_ACCOUNTS.consumer.id)).flatMap((row) => row.Resource?.TableWithColumns?.Name ?? []).sort();
    expect(tables).toEqual(['usecase1_cell_kpis', 'usecase2_customer_churn']);
    expect((await world.deps.stores.subscriptions.get(outcome.subscriptionId))?.status).toBe('ACTIVE');

    // It ends with the consumer's query role holding DESCRIBE on the link and SELECT on the target, and says so.
    const analyst = SANDBOX_ROLE_ARNS.queryRole;
    expect(lines).toContain(`   Analyst (${analyst}):`);
    expect(lines).toContain(`     SELECT on 555555555555:telco-111111111111.usecase1_cell_kpis (all columns)`);
    expect(outcome.whoCanQuery[analyst]).toContain('DESCRIBE on 999999999999:telco-111111111111 (resource link)');
    const held = async (Resource: object) => {
      const answer = await pool.as('consumer').lf.send(new ListPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: analyst }, Resource }));
      return [...new Set((answer.PrincipalResourcePermissions ?? []).flatMap((row) => row.Permissions ?? []))].sort();
    };
    expect(await held({ Database: { CatalogId: SANDBOX_ACCOUNTS.consumer.id, Name: 'telco-111111111111' } })).toEqual(['DESCRIBE']);
    expect(await held({ Table: { CatalogId: SANDBOX_ACCOUNTS.mesh.id, DatabaseName: 'telco-111111111111', Name: 'usecase1_cell_kpis' } })).toEqual(['SELECT']);
    // The source's S3 location is registered with Lake Formation in the mesh account.
    const { ResourceInfoList } = await pool.as('mesh').lf.send(new ListResourcesCommand({}));
    expect(ResourceInfoList?.map((r) => r.ResourceArn)).toEqual(expect.arrayContaining([expect.stringMatching(/^arn:aws:s3:::/)]));
  });

  it('can be played again on the same sandbox: publish changes nothing and says so, a new request is granted', async () => {
    const lines: string[] = [];
    const again = await runWorkshopDemo(createMeshService(world.deps), (line) => lines.push(line));
    expect(again.namesToQuery).toHaveLength(2);
    expect(lines).toContain('   telco-111111111111 already published: nothing changed (version 1); mesh database telco-111111111111: usecase1_cell_kpis, usecase2_customer_churn');
  });
});
