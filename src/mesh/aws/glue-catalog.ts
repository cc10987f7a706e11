import {
  BatchDeleteTableCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  GetDatabaseCommand,
  GetTableCommand,
  GetTablesCommand,
  UpdateTableCommand,
  type GlueClient,
} from '@aws-sdk/client-glue';
import { inBatches } from '../plan/chunk-batches';
import { created, orAbsent, sendAws, type AdapterSession } from './aws-call';
import { readAllAwsPages } from './aws-pages';
import type { AwsCallSite } from './translate-aws-error';
import { databaseOf, tableOf, type DatabaseDefinition, type TableDefinition } from './glue-definitions';

/** One Glue catalog as seen through one role session: every call names the catalog's `CatalogId`. */
export interface GlueCatalogOptions extends AdapterSession<GlueClient> {
  /** The catalog read or written (the owning account). */
  catalogId: string;
}

/** A table a batch delete left in place, and why. */
export interface TableDeleteFailure {
  table: string;
  code: string;
  message: string;
}

/** The Glue operations on databases, tables and resource links, translated to mesh errors and retried on throttling. */
export interface GlueCatalog {
  readonly catalogId: string;
  /** The role session it acts as, for the messages of callers that refuse on its answers. */
  readonly site: Omit<AwsCallSite, 'doing'>;
  /** The database (or database link), or undefined when it does not exist in the catalog. */
  getDatabase(name: string): Promise<DatabaseDefinition | undefined>;
  /** Create a database or database link; false when it already existed. */
  createDatabase(input: DatabaseDefinition): Promise<boolean>;
  /** Delete a database (a database link: never its target); false when it did not exist. */
  deleteDatabase(name: string): Promise<boolean>;
  /** Every table and resource link of a database the role may see, all pages. */
  listTables(database: string): Promise<TableDefinition[]>;
  /** One table (through a resource link: its target's definition), or undefined when it does not exist. */
  getTable(database: string, name: string): Promise<TableDefinition | undefined>;
  /** Create a table or resource link; false when it already existed. */
  createTable(database: string, input: TableDefinition): Promise<boolean>;
  /** Replace a table's definition. */
  updateTable(database: string, input: TableDefinition): Promise<void>;
  /**
   * Delete tables or resource links (a link: never its target), in batches at Glue's limit; ones
   * already gone, or a database already gone, count as deleted. The ones Glue refused are returned.
   */
  deleteTables(database: string, names: readonly string[]): Promise<TableDeleteFailure[]>;
}

/** Glue's own limits: GetTables pages of ≤ 100 (`MaxResults`), BatchDeleteTable ≤ 100 names (`TablesToDelete`). */
export const TABLE_LIMITS = { page: 100, delete: 100 } as const;

/** The Glue catalog `catalogId` through a role session's client. */
export function glueCatalog(session: GlueCatalogOptions): GlueCatalog {
  const { client, catalogId } = session;
  const send = <T>(doing: string, call: () => Promise<T>): Promise<T> => sendAws(session, `${doing} in catalog ${catalogId}`, call);

  return {
    catalogId,
    site: { roleName: session.roleName, accountId: session.accountId },

    getDatabase: async (name) => {
      const database = await orAbsent(send(`read database ${name}`, async () => (await client.send(new GetDatabaseCommand({ CatalogId: catalogId, Name: name }))).Database));
      return database && databaseOf(database);
    },

    createDatabase: (input) =>
      created(send(`create database ${input.Name ?? ''}`, () => client.send(new CreateDatabaseCommand({ CatalogId: catalogId, DatabaseInput: input })))),

    deleteDatabase: async (name) =>
      (await orAbsent(send(`delete database ${name}`, () => client.send(new DeleteDatabaseCommand({ CatalogId: catalogId, Name: name }))))) !== undefined,

    listTables: async (database) => {
      const doing = `list the tables of ${database}`;
      const tables = await readAllAwsPages(`${doing} in catalog ${catalogId}`, async (token) => {
        const page = await send(doing, () =>
          client.send(new GetTablesCommand({ CatalogId: catalogId, DatabaseName: database, MaxResults: TABLE_LIMITS.page, ...(token !== undefined && { NextToken: token }) })),
        );
        return { items: page.TableList, next: page.NextToken };
      });
      return tables.map(tableOf);
    },

    getTable: async (database, name) => {
      const table = await orAbsent(send(`read table ${database}.${name}`, async () => (await client.send(new GetTableCommand({ CatalogId: catalogId, DatabaseName: database, Name: name }))).Table));
      return table && tableOf(table);
    },

    createTable: (database, input) =>
      created(send(`create table ${database}.${input.Name ?? ''}`, () => client.send(new CreateTableCommand({ CatalogId: catalogId, DatabaseName: database, TableInput: input })))),

    async updateTable(database, input) {
      await send(`update table ${database}.${input.Name ?? ''}`, () => client.send(new UpdateTableCommand({ CatalogId: catalogId, DatabaseName: database, TableInput: input })));
    },

    async deleteTables(database, names) {
      const failures: TableDeleteFailure[] = [];
      for (const batch of inBatches(names, TABLE_LIMITS.delete)) {
        const answer = await orAbsent(
          send(`delete tables of ${database}`, () => client.send(new BatchDeleteTableCommand({ CatalogId: catalogId, DatabaseName: database, TablesToDelete: batch }))),
        );
        if (answer === undefined) return failures; // The database is gone, and its tables with it.
        for (const error of answer.Errors ?? []) {
          if (error.ErrorDetail?.ErrorCode === 'EntityNotFoundException') continue;
          failures.push({ table: error.TableName ?? '', code: error.ErrorDetail?.ErrorCode ?? 'UnknownError', message: error.ErrorDetail?.ErrorMessage ?? '' });
        }
      }
      return failures;
    },
  };
}
