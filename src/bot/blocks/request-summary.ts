import type { DataProduct } from '../../mesh/domain/data-product';
import type { Subscription } from '../../mesh/domain/subscription';
import { fields, section } from './block-kit';
import { actorText, code, dateText, escapeMrkdwn, mention, plural, quoteChunks } from './mrkdwn';
import { hasOwnName } from './product-name';
import type { KnownBlock } from './slack-types';
import { columnsText, permissionsText, tablesText } from './subscription-facts';

// The parts of a request every message about it shares: who asks what, and the owners' buttons.

/** `<@U0CONSUMER> asks for access to *Telco usecases* for account `999999999999`.` */
export function requestHeadline(subscription: Subscription, product: DataProduct | undefined): string {
  const name = product ? `*${escapeMrkdwn(product.name)}*` : code(subscription.productId);
  return `${mention(subscription.requester).mrkdwn} asks for access to ${name} for account ${code(subscription.consumerAccountId)}`;
}

/** The request's facts as fields: product, account, tables, permissions, columns, requested at. */
export function requestFields(subscription: Subscription, product: DataProduct | undefined): string[] {
  const productText = product && hasOwnName(product) ? `${escapeMrkdwn(product.name)}\n${code(product.id)}` : code(subscription.productId);
  return [
    `*Product*\n${productText}`,
    `*Consumer account*\n${code(subscription.consumerAccountId)}`,
    `*${plural(subscription.tables.length, 'table')}*\n${tablesText(subscription.tables, 1800, '\n', 8)}`,
    `*Permissions*\n${permissionsText(subscription.requestedPermissions)}`,
    `*Columns*\n${columnsText(subscription.columns, 1800)}`,
    // A date token, never `(5 minutes ago)`: these messages stay in Slack and are read long after.
    `*Requested*\n${dateText(subscription.createdAt)}`,
  ];
}

/** The reason, quoted, in as many sections as its length needs (at most two). */
export function reasonBlocks(label: string, text: string): KnownBlock[] {
  const chunks = quoteChunks(text, 2900, 2);
  return chunks.map((chunk, i) => section(i === 0 ? `*${label}*\n${chunk}` : chunk));
}

/** Headline, fields and reason of a request. */
export function requestSummaryBlocks(subscription: Subscription, product: DataProduct | undefined): KnownBlock[] {
  return [
    section(requestHeadline(subscription, product)),
    fields(requestFields(subscription, product)),
    ...reasonBlocks('Reason', subscription.justification),
  ];
}

/** `approved by <@U0PRODUCER> <date>` (`verb` may be empty: `by <@U0PRODUCER> <date>`); just `verb` when nobody is recorded. */
export function decidedByText(subscription: Subscription, verb: string): string {
  const prefix = verb.length > 0 ? `${verb} ` : '';
  if (subscription.decidedBy) {
    return `${prefix}by ${actorText(subscription.decidedBy)}${subscription.decidedAt ? ` ${dateText(subscription.decidedAt)}` : ''}`;
  }
  return verb;
}
