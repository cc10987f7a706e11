import { AwsError } from '../aws-error';
import { type DatabaseEntry, findDatabase } from '../access/catalog-lookup';
import { canSeeDatabase, canSeeTable } from '../access/effective-permissions';
import type { CallContext } from '../operation';
import type { GlueTable } from '../world';

/**
 * How Glue answers a caller who may not see something (Lake Formation mode): in the caller's own
 * catalog a missing object is `EntityNotFoundException` and an invisible one `AccessDeniedException`;
 * in another account's catalog both are `AccessDeniedException`, so nothing about unshared objects leaks.
 */

/** Glue's refusal for a resource the caller holds no Lake Formation permission on. */
export function insufficientPermissions(name: string): AwsError {
  return new AwsError('AccessDeniedException', `Insufficient Lake Formation permission(s) on ${name}`);
}

/** The catalog a request addresses: its `CatalogId`, else the caller's account. */
export function catalogOf(ctx: CallContext, catalogId: string | undefined): string {
  return catalogId ?? ctx.caller.accountId;
}

/** The database if the caller may see it; throws the error Glue would give otherwise. */
export function visibleDatabase(ctx: CallContext, catalogId: string, name: string): DatabaseEntry {
  const entry = findDatabase(ctx.world, catalogId, name);
  const own = catalogId === ctx.caller.accountId;
  if (!entry) {
    if (own) throw new AwsError('EntityNotFoundException', `Database ${name} not found.`);
    throw insufficientPermissions(name);
  }
  if (!canSeeDatabase(ctx.world, ctx.caller, catalogId, entry.database.Name)) throw insufficientPermissions(name);
  return entry;
}

/** Where a database name leads: itself, or the target of a database resource link (whose target must exist). */
export function followDatabase(ctx: CallContext, catalogId: string, name: string): { catalogId: string; entry: DatabaseEntry } {
  const entry = visibleDatabase(ctx, catalogId, name);
  const target = entry.database.TargetDatabase;
  if (!target) return { catalogId, entry };
  return { catalogId: target.CatalogId, entry: visibleDatabase(ctx, target.CatalogId, target.DatabaseName) };
}

/** The table if the caller may see it (its database already found); throws the Glue error otherwise. */
export function visibleTable(ctx: CallContext, catalogId: string, entry: DatabaseEntry, name: string): GlueTable {
  const table = entry.tables[name.toLowerCase()];
  if (!table) throw new AwsError('EntityNotFoundException', `Table ${name} not found.`);
  if (!canSeeTable(ctx.world, ctx.caller, catalogId, entry.database.Name, table.Name)) throw insufficientPermissions(name);
  return table;
}
