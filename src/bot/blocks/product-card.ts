import type { DataProduct } from '../../mesh/domain/data-product';
import { ACTIONS } from '../interaction-ids';
import { actions, button, context, fields, header, message, section } from './block-kit';
import { code, dateText, escapeMrkdwn, joinCapped, mention, plural, truncateMrkdwn } from './mrkdwn';
import { hasOwnName, productNamePlain } from './product-name';
import type { SlackMessage } from './slack-types';
import { permissionsText, tablesText } from './subscription-facts';

/** The product's facts as section fields: producer, mesh database, domain, owners, tables, permissions. */
function productFields(product: DataProduct): string[] {
  return [
    `*Producer account*\n${code(product.producerAccountId)}`,
    `*Mesh database*\n${code(product.meshDatabase)}`,
    `*Domain*\n${product.domain ? escapeMrkdwn(product.domain) : '_none_'}`,
    `*Owners*\n${joinCapped(product.owners.map((o) => mention(o).mrkdwn), ', ', 1800, 10)}`,
    `*${plural(product.tables.length, 'table')}*\n${product.tables.length > 0 ? tablesText(product.tables, 1800, '\n', 8) : '_none yet_'}`,
    `*Offered permissions*\n${permissionsText(product.offeredPermissions)}`,
  ];
}

/** The card posted to #data-products when a product is published, with a [Request access] button. */
export function buildProductCard(product: DataProduct): SlackMessage {
  const blocks = [
    header(product.name),
    ...(product.description ? [section(truncateMrkdwn(escapeMrkdwn(product.description), 2000))] : []),
    fields(productFields(product)),
    actions(
      [
        button({
          text: 'Request access',
          actionId: ACTIONS.requestAccess,
          value: product.id,
          style: 'primary',
          accessibilityLabel: `Request access to ${product.name}`,
        }),
      ],
      'product_card_actions',
    ),
    // The header is the name; the id is worth a second mention only when it differs.
    context(`${hasOwnName(product) ? `${code(product.id)} · ` : ''}published by ${mention(product.publishedBy).mrkdwn} ${dateText(product.publishedAt)}`),
  ];
  const text = `New data product ${escapeMrkdwn(productNamePlain(product))}: ${plural(product.tables.length, 'table')} from account ${product.producerAccountId}`;
  return message(text, blocks);
}
