import * as z from 'zod';
import type { PublishImpact } from '../../mesh/domain/publish-impact';
import { ACTIONS } from '../interaction-ids';
import { actions, button, context, message, section } from './block-kit';
import { code, escapeMrkdwn, joinCapped, mention, plural, toMrkdwn } from './mrkdwn';
import type { KnownBlock, SlackMessage } from './slack-types';

/** Slack's limit on a button's value. */
const BUTTON_VALUE_MAX = 2000;

/**
 * What [Publish anyway] carries: the publish as it was asked, and the product version and effect the
 * publisher saw, e.g. `{ input: { producerAccountId: '111111111111', sourceDatabase: 'telco', … }, version: 3, fingerprint: '9f2c…' }`.
 */
export const PublishConfirmValueSchema = z.object({
  input: z.record(z.string(), z.unknown()),
  version: z.number().int().min(1),
  fingerprint: z.string().min(1).max(64),
});

export type PublishConfirmValue = z.infer<typeof PublishConfirmValueSchema>;

const list = (names: readonly string[]): string => joinCapped(names.map(code), ', ', 600, 15);

/** One line per live subscription: whose, in which status, and the tables it would lose (or keep). */
function subscriptionLines(impact: PublishImpact): string[] {
  return impact.subscriptions.map((s) => {
    const whose = `${code(s.subscriptionId)} · account ${code(s.consumerAccountId)} · ${toMrkdwn(mention(s.requester))} · ${s.status}`;
    return s.loses.length > 0 ? `• ${whose}: *loses* ${list(s.loses)}` : `• ${whose}: keeps its tables`;
  });
}

/**
 * The question a publish asks before it changes a product with live subscriptions: what would change
 * (tables leaving or joining, name, owners), the effect on each subscription, and [Publish anyway] /
 * [Cancel]. Nothing has been changed when it is shown.
 */
export function buildPublishConfirmMessage(impact: PublishImpact, input: Record<string, unknown>): SlackMessage {
  const name = impact.productName === impact.productId ? code(impact.productId) : `*${escapeMrkdwn(impact.productName)}* ${code(impact.productId)}`;
  const changes: string[] = [];
  if (impact.tablesRemoved.length > 0) changes.push(`*Tables leaving the product:* ${list(impact.tablesRemoved)}`);
  if (impact.tablesAdded.length > 0) changes.push(`*Tables joining the product:* ${list(impact.tablesAdded)}`);
  if (impact.name !== undefined) changes.push(`*Name:* ${escapeMrkdwn(impact.name.before)} → ${escapeMrkdwn(impact.name.after)}`);
  if (impact.owners !== undefined) {
    const owners = (users: PublishImpact['subscriptions'][number]['requester'][]): string => users.map((u) => toMrkdwn(mention(u))).join(', ');
    changes.push(`*Owners* (who decide on its requests): ${owners(impact.owners.before)} → ${owners(impact.owners.after)}`);
  }
  const blocks: KnownBlock[] = [
    section(`:warning: This publish would change ${name}, which has ${plural(impact.subscriptions.length, 'live subscription')}. Nothing has been changed yet.`),
    section(changes.join('\n')),
    section(`*Effect on each subscription*\n${joinCapped(subscriptionLines(impact), '\n', 2800, 20)}`),
  ];
  const value = JSON.stringify({ input, version: impact.version, fingerprint: impact.fingerprint } satisfies PublishConfirmValue);
  if (value.length <= BUTTON_VALUE_MAX) {
    blocks.push(
      context('A subscription keeps what was granted to it until it is revoked; tables leaving the product can no longer be requested.'),
      actions([
        button({ text: 'Publish anyway', actionId: ACTIONS.publishConfirm, value, style: 'danger' }),
        button({ text: 'Cancel', actionId: ACTIONS.publishCancel, value: impact.productId }),
      ]),
    );
  } else {
    // Slack carries at most 2,000 characters in a button: a longer publish (a long description) is confirmed in two steps.
    blocks.push(context('This publish is too long to confirm from a button. Publish the change without `--description` first, then set the description in a second publish.'));
  }
  return message(`Publishing would change ${impact.productName} (${impact.productId}), which has live subscriptions: confirm or cancel`, blocks);
}
