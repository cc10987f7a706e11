import type { DataProduct } from '../../domain/data-product';
import type { ColumnFilter } from '../../domain/subscription';
import type { Refusal } from '../../error-reasons';
import { InvalidInputError } from '../../errors';
import type { MeshDeps } from '../mesh-deps';
import { readProductTables, type ProductTables } from '../product-tables';
import type { RequestContext } from '../request-context';

/**
 * The refusal of a column filter naming a column that one of `tables` lacks in the mesh catalog
 * (exact names; partition keys count, as Lake Formation's TableWithColumns covers them), or
 * undefined when every named column is in every table. A table the catalog lacks has no columns.
 */
export function unknownColumns(filter: ColumnFilter, tables: readonly string[], catalog: ProductTables): Refusal<'unknown_column'> | undefined {
  const lacking = tables.toSorted().flatMap((table) => {
    const view = catalog.tables.find((t) => t.name === table);
    const columns = view === undefined ? [] : [...view.columns, ...view.partitionKeys].map((c) => c.name);
    const missing = filter.names.filter((name) => !columns.includes(name));
    return missing.length > 0 ? [{ table, missing, columns }] : [];
  });
  if (lacking.length === 0) return undefined;
  const columns = filter.names.filter((name) => lacking.some((t) => t.missing.includes(name)));
  return {
    reason: 'unknown_column',
    params: { columns, tables: lacking },
    path: ['columns'],
    message: lacking.map((t) => `table ${t.table} has no column ${t.missing.join(', ')}`).join('; '),
    hint: lacking.map((t) => `${t.table} has ${t.columns.join(', ')}`).join('; '),
  };
}

/** Refuse (InvalidInputError under `columns`) a column filter naming a column some of the tables lack in the mesh catalog; no filter reads nothing. */
export async function checkColumnsInCatalog(deps: MeshDeps, ctx: RequestContext, product: DataProduct, tables: readonly string[], filter: ColumnFilter | undefined): Promise<void> {
  if (filter === undefined) return;
  const refusal = unknownColumns(filter, tables, await readProductTables(deps, ctx, product));
  if (refusal !== undefined) throw new InvalidInputError(refusal);
}
