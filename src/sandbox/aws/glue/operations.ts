import type { ServiceOperations } from '../operation';
import { createDatabase } from './create-database';
import { createTable } from './create-table';
import { deleteDatabase } from './delete-database';
import { batchDeleteTable, deleteTable } from './delete-table';
import { getDatabase } from './get-database';
import { getDatabases } from './get-databases';
import { getTable } from './get-table';
import { getTables } from './get-tables';
import { updateTable } from './update-table';

/** The emulated operations of this service, by API name. */
export const glueOperations: ServiceOperations = {
  CreateDatabase: createDatabase,
  GetDatabase: getDatabase,
  GetDatabases: getDatabases,
  DeleteDatabase: deleteDatabase,
  CreateTable: createTable,
  GetTable: getTable,
  GetTables: getTables,
  UpdateTable: updateTable,
  DeleteTable: deleteTable,
  BatchDeleteTable: batchDeleteTable,
};
