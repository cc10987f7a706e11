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
 * The tables' real columns are listed only when `disclose` (the caller may see the product's metadata).
 */
export function unknownColumns(filter: ColumnFilter, tables: readonly string[], catalog: ProductTables, disclose = true): Refusal<'unknown_column'> | undefined {
  const lacking = tables.toSorted().flatMap((table) => {
    const view = catalog.tables.find((t) => t.name === table);
    const columns = view === undefined ? [] : [...view.columns, ...view.partitionKeys].map((c) => c.name);
    const missing = filter.names.filter((name) => !columns.includes(name));
    return missing.length > 0 ? [{ table, missing, columns: disclose ? columns : [] }] : [];
  });
  if (lacking.length === 0) return undefined;
  const columns = filter.names.filter((name) => lacking.some((t) => t.missing.includes(name)));
  return {
    reason: 'unknown_column',
    params: { columns, tables: lacking, ...(!disclose && { private: true }) },
    path: ['columns'],
    message: lacking.map((t) => `table ${t.table} has no column ${t.missing.join(', ')}`).join('; '),
    hint: disclose ? lacking.map((t) => `${t.table} has ${t.columns.join(', ')}`).join('; ') : "the product's metadata is not public: ask its owners for the column names",
  };
}

/**
 * Refuse (InvalidInputError under `columns`) a column filter naming a column some of the tables lack
 * in the mesh catalog; no filter reads nothing. `disclose`: whether the refusal may list the real columns.
 */
export async function checkColumnsInCatalog(deps: MeshDeps, ctx: RequestContext, product: DataProduct, tables: readonly string[], filter: ColumnFilter | undefined, disclose: boolean): Promise<void> {
  if (filter === undefined) return;
  const refusal = unknownColumns(filter, tables, await readProductTables(deps, ctx, product), disclose);
  if (refusal !== undefined) throw new InvalidInputError(refusal);
}
