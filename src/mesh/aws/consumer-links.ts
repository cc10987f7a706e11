import {
  AlreadyExistsException,
  BatchDeleteTableCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  EntityNotFoundException,
  GetDatabaseCommand,
  paginateGetTables,
  type Database,
  type GlueClient,
  type Table,
} from '@aws-sdk/client-glue';
import type { GrantEntry } from '../domain/grant-entry';
import type { ResourceLink } from '../domain/subscription';
import { AwsRefusedError } from '../errors';
import { callAws, translateAwsError, type AwsCallSite } from './translate-aws-error';

/** Who makes the Glue and Lake Formation calls in the consumer account, for error messages. */
export type LinkSite = Omit<AwsCallSite, 'doing'>;

/** The links a subscription needs in the consumer catalog (see `linkLayout`). */
export type LinkRequest =
  | { kind: 'database'; catalogId: string; name: string; targetCatalogId: string; targetDatabase: string }
  | { kind: 'tables'; catalogId: string; database: string; targetCatalogId: string; targetDatabase: string; tables: readonly string[] };

/** Names tried in turn when a name is taken by something else: `base`, `base_2` … `base_9`. */
export function candidateNames(base: string): string[] {
  return [base, ...Array.from({ length: 8 }, (_, i) => `${base.slice(0, 253)}_${i + 2}`)];
}

const notFound = (error: unknown): boolean => error instanceof EntityNotFoundException;

async function getDatabase(glue: GlueClient, catalogId: string, name: string, site: LinkSite): Promise<Database | undefined> {
  try {
    return (await glue.send(new GetDatabaseCommand({ CatalogId: catalogId, Name: name }))).Database;
  } catch (error) {
    if (notFound(error)) return undefined;
    throw translateAwsError(error, { ...site, doing: `read database ${name}` });
  }
}

/** Create a database (or database link); false if the name was taken meanwhile. */
async function createDatabase(glue: GlueClient, catalogId: string, input: { Name: string; Description?: string; TargetDatabase?: { CatalogId: string; DatabaseName: string } }, site: LinkSite): Promise<boolean> {
  try {
    await glue.send(new CreateDatabaseCommand({ CatalogId: catalogId, DatabaseInput: input }));
    return true;
  } catch (error) {
    if (error instanceof AlreadyExistsException) return false;
    throw translateAwsError(error, { ...site, doing: `create database ${input.Name}` });
  }
}

async function tablesOf(glue: GlueClient, catalogId: string, database: string, site: LinkSite): Promise<Map<string, Table>> {
  return callAws({ ...site, doing: `list the tables of ${database}` }, async () => {
    const tables = new Map<string, Table>();
    for await (const page of paginateGetTables({ client: glue }, { CatalogId: catalogId, DatabaseName: database })) {
      for (const table of page.TableList ?? []) if (table.Name) tables.set(table.Name, table);
    }
    return tables;
  });
}

const pointsTo = (target: { CatalogId?: string; DatabaseName?: string; Name?: string } | undefined, want: { CatalogId: string; DatabaseName: string; Name?: string }): boolean =>
  target?.CatalogId === want.CatalogId && target.DatabaseName === want.DatabaseName && (want.Name === undefined || target.Name === want.Name);

/** A database resource link to the target: reused when one of the candidate names already is one, else created under the first free name. */
async function ensureDatabaseLink(glue: GlueClient, request: Extract<LinkRequest, { kind: 'database' }>, site: LinkSite): Promise<ResourceLink[]> {
  const target = { CatalogId: request.targetCatalogId, DatabaseName: request.targetDatabase };
  for (const name of candidateNames(request.name)) {
    // Twice: a concurrent creator may take the name between our read and our create.
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await getDatabase(glue, request.catalogId, name, site);
      if (existing && !pointsTo(existing.TargetDatabase, target)) break;
      if (existing || (await createDatabase(glue, request.catalogId, { Name: name, TargetDatabase: target }, site))) {
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
async function ensureTableLinks(glue: GlueClient, request: Extract<LinkRequest, { kind: 'tables' }>, site: LinkSite): Promise<ResourceLink[]> {
  const targetOf = (table: string) => ({ CatalogId: request.targetCatalogId, DatabaseName: request.targetDatabase, Name: table });
  for (const database of candidateNames(request.database)) {
    let existing = await getDatabase(glue, request.catalogId, database, site);
    if (existing?.TargetDatabase) continue;
    if (!existing) {
      const description = `Resource links to ${request.targetDatabase} of catalog ${request.targetCatalogId}, shared through the data mesh`;
      await createDatabase(glue, request.catalogId, { Name: database, Description: description }, site);
      existing = await getDatabase(glue, request.catalogId, database, site);
      if (!existing || existing.TargetDatabase) continue;
    }
    const present = await tablesOf(glue, request.catalogId, database, site);
    if (request.tables.some((t) => present.has(t) && !pointsTo(present.get(t)?.TargetTable, targetOf(t)))) continue;
    for (const table of request.tables.filter((t) => !present.has(t))) {
      await callAws({ ...site, doing: `create the resource link ${database}.${table}` }, async () => {
        try {
          await glue.send(new CreateTableCommand({ CatalogId: request.catalogId, DatabaseName: database, TableInput: { Name: table, TargetTable: targetOf(table) } }));
        } catch (error) {
          // Created meanwhile by another import of the same table: the same link, so fine.
          if (!(error instanceof AlreadyExistsException)) throw error;
        }
      });
    }
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

/** Create (or find) the resource links a subscription needs in the consumer catalog; idempotent. */
export async function ensureLinks(glue: GlueClient, request: LinkRequest, site: LinkSite): Promise<ResourceLink[]> {
  return request.kind === 'database' ? ensureDatabaseLink(glue, request, site) : ensureTableLinks(glue, request, site);
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
 * Delete resource links (never their targets); links already gone are fine. A local database left
 * empty is dropped too when `dropEmpty` names it.
 */
export async function deleteLinks(glue: GlueClient, links: readonly ResourceLink[], dropEmpty: ReadonlySet<string>, site: LinkSite): Promise<void> {
  const byDatabase = new Map<string, { catalogId: string; tables: string[] }>();
  for (const link of links) {
    if (link.table === undefined) {
      await callAws({ ...site, doing: `delete the database link ${link.database}` }, async () => {
        try {
          await glue.send(new DeleteDatabaseCommand({ CatalogId: link.catalogId, Name: link.database }));
        } catch (error) {
          if (!notFound(error)) throw error;
        }
      });
      continue;
    }
    const group = byDatabase.get(link.database) ?? { catalogId: link.catalogId, tables: [] };
    group.tables.push(link.table);
    byDatabase.set(link.database, group);
  }
  for (const [database, { catalogId, tables }] of byDatabase) {
    for (let start = 0; start < tables.length; start += 100) {
      const answer = await callAws({ ...site, doing: `delete resource links in ${database}` }, async () => {
        try {
          return await glue.send(new BatchDeleteTableCommand({ CatalogId: catalogId, DatabaseName: database, TablesToDelete: tables.slice(start, start + 100) }));
        } catch (error) {
          if (notFound(error)) return { Errors: [] };
          throw error;
        }
      });
      const failed = (answer.Errors ?? []).filter((e) => e.ErrorDetail?.ErrorCode !== 'EntityNotFoundException');
      if (failed.length > 0) {
        const code = failed[0]?.ErrorDetail?.ErrorCode ?? 'UnknownError';
        throw new AwsRefusedError(code, `AWS could not delete resource links ${failed.map((e) => `${database}.${e.TableName ?? ''}`).join(', ')} (as ${site.roleName} in ${site.accountId}): ${code}`, 'retry the subscription');
      }
    }
    if (dropEmpty.has(database) && (await getDatabase(glue, catalogId, database, site)) && (await tablesOf(glue, catalogId, database, site)).size === 0) {
      await callAws({ ...site, doing: `drop the empty link database ${database}` }, async () => {
        try {
          await glue.send(new DeleteDatabaseCommand({ CatalogId: catalogId, Name: database }));
        } catch (error) {
          if (!notFound(error)) throw error;
        }
      });
    }
  }
}
