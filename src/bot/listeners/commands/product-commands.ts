import type { CommandOf } from '../../commands/mesh-command';
import type { CommandScope } from './command-scope';
import { productsPage } from './list-pages';
import { buildProductDetailMessage } from './product-detail-message';

/** `/mesh products [text]`: the catalog, or a search, a page at a time. */
export async function answerProducts(scope: CommandScope, command: CommandOf<'products'>): Promise<void> {
  await scope.reply(await productsPage(scope.deps, scope.ctx, command.query));
}

/** `/mesh product <id>`: the product's card and its tables' schemas, as the mesh catalog has them. */
export async function answerProduct(scope: CommandScope, command: CommandOf<'product'>): Promise<void> {
  const description = await scope.deps.mesh.describeProduct(scope.ctx, { productId: command.product });
  await scope.reply(buildProductDetailMessage(description));
}
