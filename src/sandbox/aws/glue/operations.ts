import type { ServiceOperations } from '../operation';
import { createDatabase } from './create-database';
import { batchCreatePartition, createPartition } from './create-partition';
import { createTable } from './create-table';
import { deleteDatabase } from './delete-database';
import { batchDeletePartition, deletePartition } from './delete-partition';
import { batchDeleteTable, deleteTable } from './delete-table';
import { getDatabase } from './get-database';
import { getDatabases } from './get-databases';
import { batchGetPartition, getPartition } from './get-partition';
import { getPartitions } from './get-partitions';
import { getTable } from './get-table';
import { getTables } from './get-tables';
import { batchUpdatePartition, updatePartition } from './update-partition';
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
  CreatePartition: createPartition,
  BatchCreatePartition: batchCreatePartition,
  GetPartition: getPartition,
  GetPartitions: getPartitions,
  BatchGetPartition: batchGetPartition,
  UpdatePartition: updatePartition,
  BatchUpdatePartition: batchUpdatePartition,
  DeletePartition: deletePartition,
  BatchDeletePartition: batchDeletePartition,
};
