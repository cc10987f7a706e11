import type { Catalog, GlueTable, World } from '../world';

/** A database of a catalog with its tables, as the world stores it. */
export type DatabaseEntry = Catalog['databases'][string];

/** The database named `name` (Glue names are case-insensitive, stored lower-case) of a catalog. */
export function findDatabase(world: World, catalogId: string, name: string): DatabaseEntry | undefined {
  return world.catalogs[catalogId]?.databases[name.toLowerCase()];
}

/** The table `table` of database `database` of a catalog. */
export function findTable(world: World, catalogId: string, database: string, table: string): GlueTable | undefined {
  return findDatabase(world, catalogId, database)?.tables[table.toLowerCase()];
}
