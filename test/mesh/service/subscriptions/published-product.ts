import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import type { DataProduct } from '../../../../src/mesh/domain/data-product';
import type { GrantEntry } from '../../../../src/mesh/domain/grant-entry';
import type { Permission } from '../../../../src/mesh/domain/permission';
import { resourceKey } from '../../../../src/mesh/plan/resource-key';
import { SANDBOX_ACCOUNTS, SANDBOX_ROLE_ARNS } from '../../../../src/sandbox/seed/sandbox-accounts';
import { clientPool, createTables, type ClientPool } from '../../../sandbox/aws/cross-account/service-clients';
import { grantsByResource } from '../../../support/grants-to';
import { USERS, type MeshWorld } from '../../../support/mesh-world';

export const MESH = SANDBOX_ACCOUNTS.mesh.id;
export const PRODUCER = SANDBOX_ACCOUNTS.producer.id;
export const CONSUMER = SANDBOX_ACCOUNTS.consumer.id;
export const MESH_DB = `telco-${PRODUCER}`;
export const TELCO_TABLES = ['cell_towers', 'usecase1_cell_kpis', 'usecase2_customer_churn', 'usecase3_sites'];

/**
 * The state publishing leaves, set up directly: the mesh database with its tables (as the mesh
 * admin), ALL with grant option on them for the producer's role in the mesh, DESCRIBE for the mesh
 * read-only role (the product's metadata is public), the product record
 * (owners Pat and Sam) and both accounts enabled. Returns the product and a client pool (destroy it).
 */
export async function publishProduct(
  world: MeshWorld,
  { tables = TELCO_TABLES, offeredPermissions = ['SELECT', 'DESCRIBE', 'INSERT'] }: { tables?: string[]; offeredPermissions?: Permission[] } = {},
): Promise<{ product: DataProduct; pool: ClientPool }> {
  const pool = clientPool(world.emu);
  const meshAdmin = pool.as('mesh');
  await createTables(meshAdmin.glue, MESH_DB, tables);
  for (const Resource of [{ Database: { Name: MESH_DB } }, { Table: { DatabaseName: MESH_DB, TableWildcard: {} } }]) {
    await meshAdmin.lf.send(
      new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.producerInMesh }, Resource, Permissions: ['ALL'], PermissionsWithGrantOption: ['ALL'] }),
    );
    // Public metadata: the mesh read-only role may read the schema, as publishing grants it.
    await meshAdmin.lf.send(new GrantPermissionsCommand({ Principal: { DataLakePrincipalIdentifier: SANDBOX_ROLE_ARNS.meshReadOnly }, Resource, Permissions: ['DESCRIBE'] }));
  }
  const at = new Date().toISOString();
  const product: DataProduct = {
    id: MESH_DB,
    name: 'Telco network KPIs',
    producerAccountId: PRODUCER,
    sourceDatabase: 'telco',
    meshDatabase: MESH_DB,
    tables,
    owners: [USERS.pat, USERS.sam],
    offeredPermissions,
    publicMetadata: true,
    syncEveryHours: 4,
    publishedBy: USERS.pat,
    publishedAt: at,
    updatedAt: at,
    version: 1,
    history: [],
  };
  await world.deps.stores.products.save(product);
  await world.deps.stores.accounts.save({ accountId: PRODUCER, producer: true, consumer: false, enabledBy: USERS.ada, enabledAt: at, updatedAt: at, version: 1 });
  await world.deps.stores.accounts.save({ accountId: CONSUMER, producer: false, consumer: true, enabledBy: USERS.ada, enabledAt: at, updatedAt: at, version: 1 });
  return { product, pool };
}

/** What the mesh catalog's admin sees granted to a principal: resource key → sorted permissions (grantable ones marked `+`). */
export async function grantedTo(pool: ClientPool, principal: string): Promise<Record<string, string[]>> {
  return grantsByResource(pool.as('mesh').lf, principal, MESH);
}

/** The same view computed from plans: what their union grants, per resource. */
export function expectedFrom(plans: readonly (readonly GrantEntry[])[]): Record<string, string[]> {
  const byResource: Record<string, string[]> = {};
  for (const entry of plans.flat()) {
    const key = resourceKey(entry.Resource);
    byResource[key] = [...new Set([...(byResource[key] ?? []), ...entry.Permissions, ...entry.PermissionsWithGrantOption.map((p) => `${p}+`)])].sort();
  }
  return byResource;
}
