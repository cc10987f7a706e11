import type { GrantEntry } from '../../mesh/domain/grant-entry';
import { roleNameOf } from '../../mesh/domain/query-principal';
import type { SlackUser } from '../../mesh/domain/slack-user';
import type { MeshService } from '../../mesh/service/create-mesh-service';
import { SANDBOX_ACCOUNTS, SANDBOX_PRODUCER_DATABASE, SANDBOX_QUERY_ROLE } from '../seed/sandbox-accounts';
import { SANDBOX_PEOPLE, seedMeshPeople } from '../seed/seed-mesh';

/** What the demo leaves behind, for whoever runs it (and its test). */
export interface DemoOutcome {
  productId: string;
  subscriptionId: string;
  namesToQuery: string[];
  /** Per query role (ARN), the grants it got: `DESCRIBE on 999999999999:telco-111111111111`, … */
  whoCanQuery: Record<string, string[]>;
}

/** `SELECT on 555555555555:telco-111111111111.usecase1_cell_kpis (all columns)`; what is in the consumer's own catalog is its resource link. */
function grantLine(entry: GrantEntry, consumerAccountId: string): string {
  const r = entry.Resource;
  const catalogId = 'Database' in r ? r.Database.CatalogId : 'Table' in r ? r.Table.CatalogId : r.TableWithColumns.CatalogId;
  const where =
    'Database' in r
      ? `${r.Database.CatalogId}:${r.Database.Name}`
      : 'Table' in r
        ? `${r.Table.CatalogId}:${r.Table.DatabaseName}.${r.Table.Name}`
        : `${r.TableWithColumns.CatalogId}:${r.TableWithColumns.DatabaseName}.${r.TableWithColumns.Name} (${r.TableWithColumns.ColumnNames?.join(', ') ?? 'all columns'})`;
  return `${entry.Permissions.join(',')} on ${where}${catalogId === consumerAccountId ? ' (resource link)' : ''}`;
}

/** The query roles' grants of a subscription, by role ARN. */
function grantsByRole(queryPlan: readonly GrantEntry[], consumerAccountId: string): Record<string, string[]> {
  const byRole: Record<string, string[]> = {};
  for (const entry of queryPlan) (byRole[entry.Principal.DataLakePrincipalIdentifier] ??= []).push(grantLine(entry, consumerAccountId));
  return byRole;
}

/**
 * The TLC303 data mesh workshop, end to end through the mesh service: enable the accounts and map
 * the people, publish `telco` `usecase*`, request SELECT, list what is pending, approve, grant and
 * import, then read the names to query through the consumer's links and who may query them. Each
 * step is told through `say`.
 */
export async function runWorkshopDemo(service: MeshService, say: (line: string) => void): Promise<DemoOutcome> {
  const { pat, casey } = SANDBOX_PEOPLE;
  const { producer, consumer } = SANDBOX_ACCOUNTS;
  let requests = 0;
  const as = (who: SlackUser) => ({ user: who, requestId: `demo-${String(++requests)}` });

  say('0. Setup (Ada, mesh admin): enable the producer and consumer accounts, map Pat, Sam and Casey');
  await seedMeshPeople(service, 'demo-setup');
  say(`   producer ${producer.id} and consumer ${consumer.id} enabled (its query role: ${SANDBOX_QUERY_ROLE}); Pat and Sam → producer, Casey → consumer`);

  say(`1. Pat publishes ${SANDBOX_PRODUCER_DATABASE} usecase* as a data product`);
  const { product, summary, outcome } = await service.publishProduct(as(pat), {
    producerAccountId: producer.id,
    sourceDatabase: SANDBOX_PRODUCER_DATABASE,
    tablePattern: 'usecase*',
    domain: 'network',
    description: 'Cell KPIs and churn features for the telco use cases',
  });
  // Run again on a kept sandbox, the publish finds nothing to do and says so (no new version).
  const what = outcome === 'published' ? 'published' : outcome === 'updated' ? `published again (version ${String(product.version)})` : `already published: nothing changed (version ${String(product.version)})`;
  say(`   ${product.id} ${what}; mesh database ${product.meshDatabase}: ${product.tables.join(', ')}`);
  say(`   created ${String(summary.created.length)}, unchanged ${String(summary.unchanged.length)}; links back in the producer catalog: ${summary.linksCreated.join(', ') || 'already there'}`);
  say(`   partitions mirrored from the source: ${String(summary.partitions.added)} new, ${String(summary.partitions.updated)} updated, ${String(summary.partitions.dropped)} dropped`);

  say('2. Casey requests SELECT on the whole product');
  const { subscription: requested, notify } = await service.requestAccess(as(casey), {
    productId: product.id,
    permissions: ['SELECT'],
    justification: 'Churn model for the Q4 retention campaign',
  });
  say(`   request ${requested.id} is ${requested.status}; owners to ask: ${notify.map((o) => o.userId).join(', ')}`);

  say('3. Pat lists the requests waiting for the producer account');
  const pending = await service.listSubscriptions(as(pat), { kind: 'pending', producerAccountId: producer.id });
  for (const s of pending.items) say(`   ${s.id}  ${s.requestedPermissions.join(',')} on ${s.tables.join(', ')}  for ${s.consumerAccountId}: "${s.justification}"`);

  say('4. Pat approves');
  const { subscription: approved } = await service.approveRequest(as(pat), { id: requested.id });
  say(`   ${approved.status}: ${String(approved.plan.length)} Lake Formation entries planned`);

  say('5. The grant job grants in the mesh account, then Casey’s account accepts the share and links it');
  const { subscription: active } = await service.runGrant(as(pat), { id: requested.id });
  say(`   ${active.status}; RAM shares accepted: ${String(active.ramShares.length)}; links: ${active.links.map((l) => l.table ?? l.database).join(', ')}`);

  say('6. Casey reads what she can query, through her links');
  const tables = await service.describeAccess(as(casey), { id: requested.id });
  for (const table of tables) {
    say(`   SELECT * FROM ${table.name} LIMIT 10;`);
    say(`     ${String(table.columns.length)} columns (${table.columns.slice(0, 4).map((c) => `${c.name} ${c.type}`).join(', ')}, …), partitioned by ${table.partitionKeys.join(', ') || 'nothing'}, at ${table.location ?? '?'}`);
  }
  say('7. Who can query what, in account ' + consumer.id);
  const whoCanQuery = grantsByRole(active.queryPlan ?? [], consumer.id);
  for (const [role, grants] of Object.entries(whoCanQuery)) {
    say(`   ${roleNameOf(role)} (${role}):`);
    for (const line of grants) say(`     ${line}`);
  }
  return { productId: product.id, subscriptionId: requested.id, namesToQuery: tables.map((t) => t.name), whoCanQuery };
}
