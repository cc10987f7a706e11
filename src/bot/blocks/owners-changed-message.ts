import type { DataProduct } from '../../mesh/domain/data-product';
import type { SlackUser } from '../../mesh/domain/slack-user';
import { context, message, section } from './block-kit';
import { code, joinCapped, mention } from './mrkdwn';
import { productNameText } from './product-name';
import type { SlackMessage } from './slack-types';

const people = (users: readonly SlackUser[]): string => joinCapped(users.map((u) => mention(u).mrkdwn), ', ', 1200, 20);

/**
 * The DM to a product's owners, before and after, when its owners change: who changed them, who
 * decides its requests now, and who did before. Owners decide every grant, so nobody loses or gains
 * that quietly.
 */
export function buildOwnersChangedMessage(product: DataProduct, previous: readonly SlackUser[], by: SlackUser): SlackMessage {
  const name = productNameText(product);
  return message(`The owners of ${product.name} (${product.id}) changed`, [
    section(`:busts_in_silhouette: ${mention(by).mrkdwn} changed the owners of ${name}. They decide its access requests.`),
    section(`*Now:* ${people(product.owners)}\n*Before:* ${people(previous)}`),
    context(`Recorded in the product's history. An owner or a mesh admin can change them back with ${code(`/mesh publish ${product.sourceDatabase} --owners @…`)}.`),
  ]);
}
