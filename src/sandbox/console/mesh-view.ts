import * as z from 'zod';
import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { namesToQuery } from '../../bot/blocks/subscription-facts';
import type { PermissionGrant, World } from '../aws/world';
import type { ConsoleAccount, ConsoleGrant, ConsoleMesh, ConsoleProduct, ConsoleSubscription } from './console-types';

const DatabaseResource = z.object({ Database: z.object({ CatalogId: z.string().optional(), Name: z.string() }) });
const TableResource = z.object({
  Table: z.object({ CatalogId: z.string().optional(), DatabaseName: z.string(), Name: z.string().optional(), TableWildcard: z.unknown().optional() }),
});
const ColumnsResource = z.object({
  TableWithColumns: z.object({
    CatalogId: z.string().optional(),
    DatabaseName: z.string(),
    Name: z.string(),
    ColumnNames: z.array(z.string()).optional(),
    ColumnWildcard: z.object({ ExcludedColumnNames: z.array(z.string()).optional() }).optional(),
  }),
});
const CatalogResource = z.object({ Catalog: z.unknown() });
const LocationResource = z.object({ DataLocation: z.object({ ResourceArn: z.string() }) });

/** A Lake Formation resource in words: `table telco-111111111111.usecase1_cell_kpis (all columns)`. */
export function resourceText(resource: Record<string, unknown>): string {
  const db = DatabaseResource.safeParse(resource);
  if (db.success) return `database ${db.data.Database.Name}`;
  const table = TableResource.safeParse(resource);
  if (table.success) return `table ${table.data.Table.DatabaseName}.${table.data.Table.Name ?? '*'}`;
  const columns = ColumnsResource.safeParse(resource);
  if (columns.success) {
    const t = columns.data.TableWithColumns;
    const excluded = t.ColumnWildcard?.ExcludedColumnNames ?? [];
    const which = t.ColumnNames !== undefined ? `columns ${t.ColumnNames.join(', ')}` : excluded.length > 0 ? `all columns but ${excluded.join(', ')}` : 'all columns';
    return `table ${t.DatabaseName}.${t.Name} (${which})`;
  }
  if (CatalogResource.safeParse(resource).success) return 'the catalog';
  const location = LocationResource.safeParse(resource);
  if (location.success) return `location ${location.data.DataLocation.ResourceArn}`;
  return JSON.stringify(resource);
}

/** A Lake Formation principal in words: `account 999999999999`, `role MeshbotConsumer (999999999999)`. */
export function principalText(principal: string): string {
  if (/^\d{12}$/.test(principal)) return `account ${principal}`;
  const iam = /^arn:aws:iam::(\d{12}):(role|user)\/(.+)$/.exec(principal);
  if (iam) return `${iam[2] ?? 'role'} ${iam[3] ?? ''} (${iam[1] ?? ''})`;
  return principal;
}

function grantView(grant: PermissionGrant): ConsoleGrant {
  return {
    id: grant.id,
    principal: principalText(grant.principal),
    resource: resourceText(grant.resource),
    permissions: [...grant.permissions].sort(),
    grantable: [...grant.grantable].sort(),
  };
}

/** Per account: its Glue databases and tables (resource links with their targets), the grants on them, the invitations it received. */
export function consoleAccounts(world: World): ConsoleAccount[] {
  return Object.values(world.accounts).map((account) => {
    const catalog = world.catalogs[account.id]?.databases ?? {};
    const databases = Object.values(catalog)
      .map(({ database, tables }) => ({
        name: database.Name,
        ...(database.TargetDatabase !== undefined && { linkTo: `${database.TargetDatabase.CatalogId}:${database.TargetDatabase.DatabaseName}` }),
        tables: Object.values(tables)
          .map((t) => ({
            name: t.Name,
            ...(t.TargetTable !== undefined && { linkTo: `${t.TargetTable.CatalogId}:${t.TargetTable.DatabaseName}.${t.TargetTable.Name}` }),
            columns: t.StorageDescriptor?.Columns?.length ?? 0,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    // Newest first: what a click just granted is at the top.
    const grants = world.permissions.filter((p) => p.catalogId === account.id).reverse().map(grantView);
    const invitations = world.invitations
      .filter((i) => i.receiverAccountId === account.id)
      .map((i) => ({
        arn: i.arn,
        shareName: i.resourceShareName,
        sender: i.senderAccountId,
        receiver: i.receiverAccountId,
        status: i.status,
        createdAt: new Date(i.createdAt).toISOString(),
      }));
    return { id: account.id, name: account.name, databases, grants, invitations };
  });
}

/** A product as the mesh panel lists it. */
export function consoleProduct(product: DataProduct): ConsoleProduct {
  return {
    id: product.id,
    name: product.name,
    producerAccountId: product.producerAccountId,
    tables: product.tables,
    owners: product.owners.map((o) => o.userId),
    version: product.version,
  };
}

/** A subscription with its history, actors as Slack user ids. */
export function consoleSubscription(s: Subscription): ConsoleSubscription {
  return {
    id: s.id,
    status: s.status,
    productId: s.productId,
    consumerAccountId: s.consumerAccountId,
    requester: s.requester.userId,
    tables: s.tables,
    requestedPermissions: s.requestedPermissions,
    grantedPermissions: s.grantedPermissions,
    justification: s.justification,
    ...(s.decidedBy !== undefined && { decidedBy: s.decidedBy.userId }),
    ...(s.decisionNotes !== undefined && { decisionNotes: s.decisionNotes }),
    links: s.links.length > 0 ? namesToQuery(s) : [],
    plan: s.plan.map((entry) => {
      const result = s.results[entry.Id];
      return {
        principal: principalText(entry.Principal.DataLakePrincipalIdentifier),
        resource: resourceText(entry.Resource),
        permissions: entry.Permissions,
        grantable: entry.PermissionsWithGrantOption,
        outcome: result === undefined ? 'planned' : result.outcome === 'FAILED' ? `FAILED ${result.errorCode ?? ''}`.trim() : `${result.outcome}${result.operation === 'revoke' ? ' (revoked)' : ''}`,
      };
    }),
    resourceLinks: s.links.map(
      (l) => `${l.catalogId}: ${l.database}${l.table === undefined ? '' : `.${l.table}`} → ${l.targetCatalogId}:${l.targetDatabase}${l.targetTable === undefined ? '' : `.${l.targetTable}`}`,
    ),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    history: s.history.map((h) => ({
      at: h.at,
      actor: 'userId' in h.actor ? h.actor.userId : `Meshbot (${h.actor.system})`,
      event: h.event,
      ...(h.from !== undefined && { from: h.from }),
      to: h.to,
      ...(h.note !== undefined && { note: h.note }),
    })),
  };
}

/** The mesh side of the console: accounts from the emulator's world, products and subscriptions from the store. */
export function consoleMesh(world: World, products: readonly DataProduct[], subscriptions: readonly Subscription[]): ConsoleMesh {
  return {
    accounts: consoleAccounts(world),
    products: products.map(consoleProduct),
    subscriptions: [...subscriptions].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(consoleSubscription),
  };
}
