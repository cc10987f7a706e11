import type { DataProduct } from '../../mesh/domain/data-product';
import { ACTIONS, keyedActionId } from '../interaction-ids';
import { button, header, message, section } from './block-kit';
import { code, escapeMrkdwn, joinCapped, mention, plural, truncate } from './mrkdwn';
import { productNameText } from './product-name';
import { PAGE_SIZE, pageFooter, type Page } from './pagination';
import type { KnownBlock, SlackMessage } from './slack-types';
import { permissionsText } from './subscription-facts';

export interface ProductListInput {
  page: Page<DataProduct>;
  /** What the user searched for, if anything. */
  query?: string;
}

/** One product as a list row: name, id, domain, tables, owners; with [Request access] when `index` (its row) is given. */
export function productRow(product: DataProduct, index?: number): KnownBlock {
  const owners = joinCapped(product.owners.map((o) => mention(o).mrkdwn), ', ', 300, 3);
  const domain = product.domain ? `${escapeMrkdwn(product.domain)} · ` : '';
  const description = product.description ? `\n${escapeMrkdwn(truncate(product.description.replace(/\s+/g, ' '), 200))}` : '';
  const text =
    `${productNameText(product)}${description}\n` +
    `${domain}${plural(product.tables.length, 'table')} · ${permissionsText(product.offeredPermissions)} · owned by ${owners}`;
  if (index === undefined) return section(text);
  // Keyed by row: a list repeats the button, and Slack wants action ids unique in a message.
  return section(text, button({ text: 'Request access', actionId: keyedActionId(ACTIONS.requestAccess, String(index)), value: product.id }));
}

/** Search results or the catalog: one row per product (at most 15), then [Next page]. */
export function buildProductListMessage(input: ProductListInput): SlackMessage {
  const { page, query } = input;
  const shown = page.items.slice(0, PAGE_SIZE);
  const title = query ? `Products matching “${truncate(query, 100)}”` : 'Data products';
  const blocks: KnownBlock[] = [header(title)];
  if (shown.length === 0) {
    blocks.push(
      section(
        query
          ? `No product matches ${code(truncate(query, 100))}. Try a shorter word, or list them all with ${code('/mesh products')}.`
          : `No product is published yet. Producers offer tables with ${code('/mesh publish <database> <tables>')}.`,
      ),
    );
  }
  shown.forEach((product, i) => blocks.push(productRow(product, i)));
  blocks.push(...pageFooter(page, shown.length, 'product'));
  const text = query ? `${plural(page.total ?? page.items.length, 'product')} matching “${escapeMrkdwn(truncate(query, 100))}”` : 'Data products';
  return message(text, blocks);
}
