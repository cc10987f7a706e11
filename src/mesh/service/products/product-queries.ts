import * as z from 'zod';
import { AccountIdSchema } from '../../domain/account-id';
import type { DataProduct } from '../../domain/data-product';
import { NotFoundError } from '../../errors';
import { maySeeProduct as maySee } from '../../rules/may-see-product';
import type { Page, PageRequest } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import { isSystem, type Caller, type RequestContext } from '../request-context';
import { resolveActor } from '../resolve-actor';
import { readProductTables, type ProductTables } from '../product-tables';
import { logFields } from '../log-fields';

/** Which product: `{ productId: 'telco-111111111111' }`. */
export const ProductIdInputSchema = z.object({ productId: z.string().min(1).max(255) });
/** Which products: those of one producer account, or all; a page at a time. */
export const ListProductsInputSchema = z.object({ producerAccountId: AccountIdSchema.optional(), limit: z.number().int().min(1).max(100).optional(), cursor: z.string().optional() });
/** Products whose id, name, domain, description or a table contains `text`. */
export const SearchProductsInputSchema = z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(100).optional(), cursor: z.string().optional() });

export type ProductIdInput = z.infer<typeof ProductIdInputSchema>;
export type ListProductsInput = z.infer<typeof ListProductsInputSchema>;
export type SearchProductsInput = z.infer<typeof SearchProductsInputSchema>;

export type { ColumnView, ProductTableView } from '../product-tables';

/** A product with its tables' definitions. */
export interface ProductDescription {
  product: DataProduct;
  tables: ProductTables['tables'];
  /** Tables the product lists that the mesh catalog does not have (or does not show). */
  missing: string[];
}

const pageOf = ({ limit, cursor }: { limit?: number | undefined; cursor?: string | undefined }): PageRequest => ({
  ...(limit !== undefined && { limit }),
  ...(cursor !== undefined && { cursor }),
});

/**
 * One product by id, if the user may see it; NotFoundError (with a hint) otherwise. The bot's own work
 * (a system caller: refreshing the messages about a request, reminding its owners) reads any product.
 */
export async function getProduct(deps: MeshDeps, ctx: Caller, rawInput: ProductIdInput): Promise<DataProduct> {
  const { productId } = parseInput(ProductIdInputSchema, rawInput, 'product');
  const product = await deps.stores.products.get(productId);
  // A private product is "not found" to those who may not see it, so its existence does not leak.
  if (!product || (!isSystem(ctx) && !maySee(await resolveActor(deps, ctx), product))) {
    throw new NotFoundError({
      reason: 'product_not_found_or_private',
      params: { productId },
      path: ['productId'],
      message: `no data product ${productId}`,
      hint: 'search the published products by a word of their name or tables',
    });
  }
  return product;
}

/** Products of one producer account (or all), newest first, that the user may see. */
export async function listProducts(deps: MeshDeps, ctx: RequestContext, rawInput: ListProductsInput = {}): Promise<Page<DataProduct>> {
  const input = parseInput(ListProductsInputSchema, rawInput, 'products');
  const actor = await resolveActor(deps, ctx);
  const page =
    input.producerAccountId === undefined ? await deps.stores.products.search('', pageOf(input)) : await deps.stores.products.listForProducer(input.producerAccountId, pageOf(input));
  return { ...page, items: page.items.filter((p) => maySee(actor, p)) };
}

/** Products whose id, name, domain, description or a table name contains the text (case-insensitive). */
export async function searchProducts(deps: MeshDeps, ctx: RequestContext, rawInput: SearchProductsInput): Promise<Page<DataProduct>> {
  const input = parseInput(SearchProductsInputSchema, rawInput, 'search');
  const actor = await resolveActor(deps, ctx);
  const page = await deps.stores.products.search(input.text, pageOf(input));
  return { ...page, items: page.items.filter((p) => maySee(actor, p)) };
}

/**
 * A product with each table's location, columns and partition keys, read from the mesh catalog: as
 * the mesh read-only role when the product's metadata is public, else as the producer's mesh role.
 */
export async function describeProduct(deps: MeshDeps, ctx: RequestContext, rawInput: ProductIdInput): Promise<ProductDescription> {
  // getProduct refuses those who may not see a private product, so the producer's role reads only for them.
  const product = await getProduct(deps, ctx, rawInput);
  const { tables, missing } = await readProductTables(deps, ctx, product);
  deps.logger.child(logFields(ctx, { productId: product.id })).info({ tables: tables.length, missing: missing.length }, 'described');
  return { product, tables, missing };
}
