import type { DataProduct } from '../../domain/data-product';
import type { MeshDeps } from '../mesh-deps';

/** A product name as it identifies a product: lower case, runs of anything but letters and digits as one `-`. */
export function nameKey(name: string): string {
  const key = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return key === '' ? 'product' : key.slice(0, 100);
}

/**
 * The id of a further product of a mesh database, from its name: `telco-111111111111/cell-towers`.
 * A `/` never occurs in a Glue name, so it can never be the id of a database's first product.
 */
export function namedProductId(meshDatabase: string, name: string): string {
  return `${meshDatabase}/${nameKey(name)}`;
}

/** The product a publish is about: its id, and the product as stored when it exists. */
export interface PublishTarget {
  productId: string;
  existing: DataProduct | undefined;
  /** The mesh database's first product (id = the mesh database name), when there is one. */
  first: DataProduct | undefined;
}

/**
 * Which product a publish addresses. The first product of a mesh database has the database's name as
 * its id; without `--name`, or with that product's own name, a publish is about it. Any other name
 * makes (or re-publishes) a further product of the same mesh database, whose id comes from its name:
 * naming is never renaming, so one publish cannot silently rewrite another product.
 */
export async function publishTarget(deps: Pick<MeshDeps, 'stores'>, meshDatabase: string, name: string | undefined): Promise<PublishTarget> {
  const first = await deps.stores.products.get(meshDatabase);
  if (name === undefined || first === undefined || nameKey(first.name) === nameKey(name)) return { productId: meshDatabase, existing: first, first };
  const productId = namedProductId(meshDatabase, name);
  return { productId, existing: await deps.stores.products.get(productId), first };
}
