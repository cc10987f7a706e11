import type { GrantEntry } from '../domain/grant-entry';
import type { ResourceLink } from '../domain/subscription';
import { AwsRefusedError } from '../errors';
import type { GlueCatalog } from './glue-catalog';

/**
 * The consumer's resource links, made and dropped through the consumer catalog's Glue adapter
 * (glue-catalog.ts), so they share its paging, not-found and retry habits.
 */

/** The links a subscription needs in the consumer catalog (see `linkLayout`). */
export type LinkRequest =
  | { kind: 'database'; catalogId: string; name: string; targetCatalogId: string; targetDatabase: string }
  | { kind: 'tables'; catalogId: string; database: string; targetCatalogId: string; targetDatabase: string; tables: readonly string[] };

/** Names tried in turn when a name is taken by something else: `base`, `base_2` … `base_9`. */
export function candidateNames(base: string): string[] {
  return [base, ...Array.from({ length: 8 }, (_, i) => `${base.slice(0, 253)}_${i + 2}`)];
}

const pointsTo = (target: { CatalogId?: string; DatabaseName?: string; Name?: string } | undefined, want: { CatalogId: string; DatabaseName: string; Name?: string }): boolean =>
  target?.CatalogId === want.CatalogId && target.DatabaseName === want.DatabaseName && (want.Name === undefined || target.Name === want.Name);

/** A database resource link to the target: reused when one of the candidate names already is one, else created under the first free name. */
async function ensureDatabaseLink(catalog: GlueCatalog, request: Extract<LinkRequest, { kind: 'database' }>): Promise<ResourceLink[]> {
  const target = { CatalogId: request.targetCatalogId, DatabaseName: request.targetDatabase };
  for (const name of candidateNames(request.name)) {
    // Twice: a concurrent creator may take the name between our read and our create.
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await catalog.getDatabase(name);
      if (existing && !pointsTo(existing.TargetDatabase, target)) break;
      if (existing || (await catalog.createDatabase({ Name: name, TargetDatabase: target }))) {
        return [{ catalogId: request.catalogId, database: name, targetCatalogId: request.targetCatalogId, targetDatabase: request.targetDatabase }];
      }
    }
  }
  throw new AwsRefusedError('AlreadyExistsException', `every name tried for the link to ${request.targetDatabase} is taken in catalog ${request.catalogId}`, 'rename or drop one of those databases, then retry');
}

/**
 * Table resource links named as their targets in a local database of the consumer catalog: an
 * existing link to the same table is reused; a database that is a link, or holds a different table
 * under a needed name, is passed over for the next candidate name.
 */
async function ensureTableLinks(catalog: GlueCatalog, request: Extract<LinkRequest, { kind: 'tables' }>): Promise<ResourceLink[]> {
  const targetOf = (table: string) => ({ CatalogId: request.targetCatalogId, DatabaseName: request.targetDatabase, Name: table });
  for (const database of candidateNames(request.database)) {
    let existing = await catalog.getDatabase(database);
    if (existing?.TargetDatabase) continue;
    if (!existing) {
      const description = `Resource links to ${request.targetDatabase} of catalog ${request.targetCatalogId}, shared through the data mesh`;
      await catalog.createDatabase({ Name: database, Description: description });
      existing = await catalog.getDatabase(database);
      if (!existing || existing.TargetDatabase) continue;
    }
    const present = new Map((await catalog.listTables(database)).map((t) => [t.Name ?? '', t]));
    if (request.tables.some((t) => present.has(t) && !pointsTo(present.get(t)?.TargetTable, targetOf(t)))) continue;
    // One created meanwhile by another import of the same table is the same link, so fine.
    for (const table of request.tables.filter((t) => !present.has(t))) await catalog.createTable(database, { Name: table, TargetTable: targetOf(table) });
    return request.tables.map((table) => ({
      catalogId: request.catalogId,
      database,
      table,
      targetCatalogId: request.targetCatalogId,
      targetDatabase: request.targetDatabase,
      targetTable: table,
    }));
  }
  throw new AwsRefusedError('AlreadyExistsException', `every database name tried for links to ${request.targetDatabase} is taken in catalog ${request.catalogId}`, 'rename or drop one of those databases, then retry');
}

/** Create (or find) the resource links a subscription needs in the consumer catalog (`catalog`, of `request.catalogId`); idempotent. */
export async function ensureLinks(catalog: GlueCatalog, request: LinkRequest): Promise<ResourceLink[]> {
  return request.kind === 'database' ? ensureDatabaseLink(catalog, request) : ensureTableLinks(catalog, request);
}

/**
 * The grant entries of DESCRIBE on the links for a principal of the consumer account, run through the
 * grant executor like any plan (so throttling is retried and granting again is harmless).
 */
export function linkDescribeEntries(principalArn: string, links: readonly ResourceLink[]): GrantEntry[] {
  return links.map((link, i) => ({
    Id: `link-${i}`,
    Principal: { DataLakePrincipalIdentifier: principalArn },
    Resource:
      link.table === undefined
        ? { Database: { CatalogId: link.catalogId, Name: link.database } }
        : { Table: { CatalogId: link.catalogId, DatabaseName: link.database, Name: link.table } },
    Permissions: ['DESCRIBE'],
    PermissionsWithGrantOption: [],
  }));
}

/**
 * Delete resource links (never their targets) from the consumer catalog (`catalog`, of the links'
 * catalogId); links already gone are fine. A local database left empty is dropped too when
 * `dropEmpty` names it.
 */
export async function deleteLinks(catalog: GlueCatalog, links: readonly ResourceLink[], dropEmpty: ReadonlySet<string>): Promise<void> {
  const byDatabase = new Map<string, string[]>();
  for (const link of links) {
    if (link.table === undefined) await catalog.deleteDatabase(link.database);
    else byDatabase.set(link.database, [...(byDatabase.get(link.database) ?? []), link.table]);
  }
  for (const [database, tables] of byDatabase) {
    const failed = await catalog.deleteTables(database, tables);
    const first = failed[0];
    if (first) {
      const { roleName, accountId } = catalog.site;
      throw new AwsRefusedError(first.code, `AWS could not delete resource links ${failed.map((f) => `${database}.${f.table}`).join(', ')} (as ${roleName} in ${accountId}): ${first.code}`, 'retry the subscription');
    }
    if (dropEmpty.has(database) && (await catalog.getDatabase(database)) && (await catalog.listTables(database)).length === 0) await catalog.deleteDatabase(database);
  }
}
