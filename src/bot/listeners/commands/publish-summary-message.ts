import type { PublishResult } from '../../../mesh/service/products/publish-product';
import { context, fields, message, section } from '../../blocks/block-kit';
import { code, escapeMrkdwn, joinCapped, plural } from '../../blocks/mrkdwn';
import type { KnownBlock, SlackMessage } from '../../blocks/slack-types';

export interface PublishSummaryInput {
  result: PublishResult;
  /** Where the product card is: the channel, and the card's permalink when Slack gave one. */
  card?: { channel: string; permalink?: string };
  /** Why there is no card, when there is none (`--no-public`, no products channel, Slack refused). */
  noCard?: string;
}

const list = (names: readonly string[]): string => (names.length > 0 ? joinCapped(names.map(code), ', ', 1700, 15) : '_none_');

/**
 * What a publish did, for the publisher: tables created, updated (with the changes), unchanged, links
 * created back in the source database, partitions mirrored, and anything to look at (tables gone, link names taken).
 */
export function buildPublishSummaryMessage(input: PublishSummaryInput): SlackMessage {
  const { product, summary, changes, outcome } = input.result;
  const { partitions } = summary;
  const partitionsChanged = partitions.added + partitions.updated + partitions.dropped > 0;
  const name = product.name === product.id ? code(product.id) : `*${escapeMrkdwn(product.name)}* ${code(product.id)}`;
  const headline =
    outcome === 'published'
      ? `:white_check_mark: Published ${name}: ${plural(product.tables.length, 'table')} from ${code(product.sourceDatabase)} of account ${code(product.producerAccountId)}.`
      : outcome === 'updated'
        ? `:white_check_mark: Published ${name} again (version ${product.version}).`
        : `:white_check_mark: ${name} is up to date (still version ${product.version}): nothing changed.`;
  const updated = summary.updated.map((u) => `${code(u.name)} (${escapeMrkdwn(u.changes.join('; '))})`);
  const blocks: KnownBlock[] = [
    section(headline),
    fields([
      `*Created (${summary.created.length})*\n${list(summary.created)}`,
      `*Updated (${summary.updated.length})*\n${updated.length > 0 ? joinCapped(updated, '\n', 1700, 10) : '_none_'}`,
      `*Unchanged (${summary.unchanged.length})*\n${list(summary.unchanged)}`,
      `*Links created in ${escapeMrkdwn(product.sourceDatabase)} (${summary.linksCreated.length})*\n${list(summary.linksCreated)}`,
    ]),
  ];
  if (partitionsChanged) {
    blocks.push(context(`Partitions mirrored from the source: ${partitions.added} new, ${partitions.updated} updated, ${partitions.dropped} dropped.`));
  }
  if (changes.length > 0) {
    const lines = changes.map((c) => `*${c.setting}*: ${escapeMrkdwn(c.before)} → ${escapeMrkdwn(c.after)}`);
    blocks.push(section(`Settings changed (recorded in the product's history${changes.some((c) => c.setting === 'owners') ? '; the owners before and after were told' : ''}):\n${joinCapped(lines, '\n', 2800, 10)}`));
  }
  if (summary.gone.length > 0) {
    blocks.push(context(`:warning: No longer in the source (left in the mesh, taken out of the product): ${list(summary.gone)}`));
  }
  if (summary.deselected.length > 0) {
    blocks.push(context(`:warning: No longer selected by the pattern (still in the source and the mesh, taken out of the product): ${list(summary.deselected)}`));
  }
  if (summary.linkConflicts.length > 0) {
    blocks.push(context(`:warning: Link names already taken in ${code(product.sourceDatabase)} by something else: ${list(summary.linkConflicts)}. Rename those to get the links.`));
  }
  if (input.card !== undefined) {
    // A link's label cannot hold a channel mention, so the two stand side by side.
    const where = `its card in <#${input.card.channel}>${input.card.permalink !== undefined ? ` (<${input.card.permalink}|open>)` : ''}`;
    blocks.push(context(`Consumers can ask for access from ${where}, or with ${code(`/mesh request ${product.id}`)}.`));
  } else if (input.noCard !== undefined) {
    blocks.push(context(escapeMrkdwn(input.noCard)));
  }
  const text = outcome === 'published' ? `Published ${product.name} (${product.id})` : outcome === 'updated' ? `Published ${product.name} (${product.id}) again` : `${product.name} (${product.id}) is up to date: nothing changed`;
  return message(escapeMrkdwn(text), blocks);
}
