import {
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  GetTablesCommand,
  UpdateTableCommand,
  type Database,
  type DatabaseInput,
  type GlueClient,
  type Table,
  type TableInput,
} from '@aws-sdk/client-glue';
import { AwsRefusedError } from '../errors';
import { retryRefused, type RetryOptions } from './retry-refused';
import { callAws } from './translate-aws-error';

/** One Glue catalog as seen through one role session: every call names the catalog's `CatalogId`. */
export interface GlueCatalogOptions {
  client: GlueClient;
  /** The catalog read or written (the owning account). */
  catalogId: string;
  /** The role the client acts as, and its account, for error messages. */
  roleName: string;
  accountId: string;
  retry?: RetryOptions;
}

/** The Glue operations publishing needs, translated to mesh errors and retried on throttling. */
export interface GlueCatalog {
  readonly catalogId: string;
  /** The database, or undefined when it does not exist in the catalog. */
  getDatabase(name: string): Promise<Database | undefined>;
  /** Create a database; false when it already existed. */
  createDatabase(input: DatabaseInput): Promise<boolean>;
  /** Every table of a database the role may see, all pages. */
  listTables(database: string): Promise<Table[]>;
  /** One table (through a resource link: its target's definition), or undefined when it does not exist. */
  getTable(database: string, name: string): Promise<Table | undefined>;
  /** Create a table or resource link; false when it already existed. */
  createTable(database: string, input: TableInput): Promise<boolean>;
  /** Replace a table's definition. */
  updateTable(database: string, input: TableInput): Promise<void>;
}

/** Glue's own page maximum for GetTables. */
const TABLES_PAGE = 100;

/** The Glue catalog `catalogId` through a role session's client. */
export function glueCatalog({ client, catalogId, roleName, accountId, retry }: GlueCatalogOptions): GlueCatalog {
  const call = <T>(doing: string, send: () => Promise<T>): Promise<T> => callAws({ doing, roleName, accountId }, () => retryRefused(send, retry));
  // Absent is an answer, not a failure: the caller decides whether to create or to refuse.
  const orUndefined = async <T>(read: Promise<T>): Promise<T | undefined> => {
    try {
      return await read;
    } catch (error) {
      if (error instanceof AwsRefusedError && error.awsCode === 'EntityNotFoundException') return undefined;
      throw error;
    }
  };
  const created = async (write: Promise<unknown>): Promise<boolean> => {
    try {
      await write;
      return true;
    } catch (error) {
      if (error instanceof AwsRefusedError && error.awsCode === 'AlreadyExistsException') return false;
      throw error;
    }
  };

  return {
    catalogId,

    getDatabase: async (name) =>
      orUndefined(
        call(`read database ${name} in catalog ${catalogId}`, async () => (await client.send(new GetDatabaseCommand({ CatalogId: catalogId, Name: name }))).Database),
      ),

    createDatabase: (input) =>
      created(call(`create database ${input.Name ?? ''} in catalog ${catalogId}`, () => client.send(new CreateDatabaseCommand({ CatalogId: catalogId, DatabaseInput: input })))),

    async listTables(database) {
      const tables: Table[] = [];
      let token: string | undefined;
      do {
        // One call per page, each retried on its own, so a throttled page does not restart the listing.
        const NextToken = token;
        const page = await call(`list the tables of ${database} in catalog ${catalogId}`, () =>
          client.send(new GetTablesCommand({ CatalogId: catalogId, DatabaseName: database, MaxResults: TABLES_PAGE, ...(NextToken !== undefined && { NextToken }) })),
        );
        tables.push(...(page.TableList ?? []));
        token = page.NextToken;
      } while (token);
      return tables;
    },

    getTable: async (database, name) =>
      orUndefined(
        call(`read table ${database}.${name} in catalog ${catalogId}`, async () => (await client.send(new GetTableCommand({ CatalogId: catalogId, DatabaseName: database, Name: name }))).Table),
      ),

    createTable: (database, input) =>
      created(
        call(`create table ${database}.${input.Name ?? ''} in catalog ${catalogId}`, () =>
          client.send(new CreateTableCommand({ CatalogId: catalogId, DatabaseName: database, TableInput: input })),
        ),
      ),

    async updateTable(database, input) {
      await call(`update table ${database}.${input.Name ?? ''} in catalog ${catalogId}`, () =>
        client.send(new UpdateTableCommand({ CatalogId: catalogId, DatabaseName: database, TableInput: input })),
      );
    },
  };
}
