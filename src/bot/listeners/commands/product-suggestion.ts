import type { RequestContext } from '../../../mesh/service/request-context';
import { MeshError, NotFoundError } from '../../../mesh/errors';
import type { BotDeps } from '../../bot-deps';
import { didYouMean } from '../../commands/did-you-mean';

/** Products read to look for the one a mistyped id was meant as: the catalog's first page and the search. */
const CANDIDATES_READ = 100;

/**
 * A "no data product" refusal with the ids of the visible products the typed id was probably meant
 * as (`telco` → `telco-111111111111`, by id or by name); any other error unchanged. Only products
 * the user may see are suggested, so a private product stays unseen.
 */
export async function withProductSuggestion(deps: BotDeps, ctx: RequestContext, error: unknown): Promise<unknown> {
  if (!(error instanceof MeshError) || (error.reason !== 'product_not_found' && error.reason !== 'product_not_found_or_private')) return error;
  const params = error.params as { productId: string; similar?: readonly string[] };
  if (params.similar !== undefined) return error;
  try {
    const typed = params.productId;
    const [listed, found] = await Promise.all([
      deps.mesh.listProducts(ctx, { limit: CANDIDATES_READ }),
      // The search finds products whose id, name or tables contain the text, beyond the first page.
      deps.mesh.searchProducts(ctx, { text: typed, limit: CANDIDATES_READ }),
    ]);
    const products = [...new Map([...listed.items, ...found.items].map((p) => [p.id, p])).values()];
    const byName = new Map(products.map((p) => [p.name.toLowerCase(), p.id]));
    const close = didYouMean(typed, [...products.map((p) => p.id), ...products.map((p) => p.name)]).map((name) => byName.get(name.toLowerCase()) ?? name);
    const similar = [...new Set(close)].slice(0, 3);
    if (similar.length === 0) return error;
    return new NotFoundError({
      reason: error.reason,
      params: { productId: typed, similar },
      ...(error.path !== undefined && { path: error.path }),
      message: error.message,
      ...(error.hint !== undefined && { hint: error.hint }),
    });
  } catch {
    // The suggestion is a courtesy: without it, the refusal itself still says what is wrong.
    return error;
  }
}
