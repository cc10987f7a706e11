import type { LinkRequest } from '../../aws/consumer-links';
import { queryName } from '../../domain/query-name';
import type { Subscription } from '../../domain/subscription';

/** The local database that holds table links to a mesh database, e.g. `telco-111111111111_tables`. */
export function tableLinkDatabase(meshDatabase: string): string {
  return `${meshDatabase.slice(0, 248)}_tables`;
}

/**
 * The links a subscription needs in the consumer catalog: a database link named as the mesh
 * database when it covers every table of the product (so `<mesh db>.<table>` is the SQL name),
 * else table links named as their tables in the local `<mesh db>_tables` database. The two names
 * differ, so a full and a partial subscription never clash.
 */
export function linkLayout(subscription: Pick<Subscription, 'consumerAccountId' | 'meshCatalogId' | 'meshDatabase' | 'tables'>, productTables: readonly string[]): LinkRequest {
  const target = { catalogId: subscription.consumerAccountId, targetCatalogId: subscription.meshCatalogId, targetDatabase: subscription.meshDatabase };
  const everyTable = productTables.length > 0 && productTables.every((t) => subscription.tables.includes(t));
  if (everyTable) return { kind: 'database', name: subscription.meshDatabase, ...target };
  return { kind: 'tables', database: tableLinkDatabase(subscription.meshDatabase), tables: [...subscription.tables], ...target };
}

/** One table the consumer queries, as its own catalog names it through a resource link. */
export interface QueryTarget {
  database: string;
  table: string;
}

/** The tables the consumer queries through its links, by database and table, sorted; empty until the links exist. */
export function queryTargets(subscription: Pick<Subscription, 'links' | 'tables'>): QueryTarget[] {
  const targets = subscription.links.flatMap((link) =>
    link.table === undefined ? subscription.tables.map((table) => ({ database: link.database, table })) : [{ database: link.database, table: link.table }],
  );
  const seen = new Set<string>();
  return targets
    .filter((t) => {
      const key = queryName(t.database, t.table);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.database.localeCompare(b.database) || a.table.localeCompare(b.table));
}

/** The names the consumer queries, in the one quoted form: `"telco-111111111111"."usecase1_cell_kpis"`; empty until the links exist. */
export function namesToQuery(subscription: Pick<Subscription, 'links' | 'tables'>): string[] {
  return queryTargets(subscription).map((t) => queryName(t.database, t.table));
}
