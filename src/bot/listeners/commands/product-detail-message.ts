import type { ColumnView, ProductDescription, ProductTableView } from '../../../mesh/service/products/product-queries';
import { context, divider, message, section } from '../../blocks/block-kit';
import { code, escapeMrkdwn, plural, truncate } from '../../blocks/mrkdwn';
import { buildProductCard } from '../../blocks/product-card';
import { productNamePlain } from '../../blocks/product-name';
import type { KnownBlock, SlackMessage } from '../../blocks/slack-types';

/** Tables shown with their columns; the card already lists every table's name. */
const MAX_TABLES = 20;
/** Room left in a section for the column list, after the table's heading. */
const COLUMNS_TEXT = 2600;

function columnText(column: ColumnView): string {
  return `${code(column.name)} ${escapeMrkdwn(truncate(column.type, 80))}`;
}

/** `a int, b string, …`, cut between columns with how many were left out. */
function columnsLine(columns: readonly ColumnView[], max: number): string {
  let out = '';
  let shown = 0;
  for (const column of columns) {
    const part = (shown > 0 ? ', ' : '') + columnText(column);
    if (out.length + part.length > max) break;
    out += part;
    shown += 1;
  }
  return shown < columns.length ? `${out} _and ${plural(columns.length - shown, 'more column')}_` : out;
}

/** One table: name, type, location, description, columns and partition keys. */
function tableSection(table: ProductTableView): KnownBlock {
  const facts = [table.tableType, table.location].filter((f): f is string => f !== undefined && f !== '').map((f) => code(truncate(f, 300)));
  const lines = [
    `*${escapeMrkdwn(table.name)}*${facts.length > 0 ? ` · ${facts.join(' · ')}` : ''}`,
    ...(table.description ? [`_${escapeMrkdwn(truncate(table.description, 300))}_`] : []),
    table.columns.length > 0 ? columnsLine(table.columns, COLUMNS_TEXT) : '_no columns_',
    ...(table.partitionKeys.length > 0 ? [`Partitioned by ${columnsLine(table.partitionKeys, 300)}`] : []),
  ];
  return section(lines.join('\n'));
}

/**
 * `/mesh product <id>`: the product's card (with [Request access]), then each table's schema as
 * the mesh catalog defines it, and where to see who subscribed.
 */
export function buildProductDetailMessage(description: ProductDescription): SlackMessage {
  const { product, tables, missing } = description;
  const card = buildProductCard(product);
  const blocks: KnownBlock[] = [...card.blocks, divider(), ...tables.slice(0, MAX_TABLES).map(tableSection)];
  if (tables.length > MAX_TABLES) blocks.push(context(`${plural(tables.length - MAX_TABLES, 'more table')} not shown.`));
  if (missing.length > 0) {
    blocks.push(context(`:warning: Not in the mesh catalog now: ${missing.map(code).join(', ')}. The producer can publish the product again.`));
  }
  blocks.push(context(`Who has access: ${code(`/mesh subscriptions product ${product.id}`)}`));
  return message(`${escapeMrkdwn(productNamePlain(product))}: ${plural(product.tables.length, 'table')}`, blocks);
}
