import { createHash } from 'node:crypto';
import type { DataProduct } from './data-product';
import { slackUserKey, type SlackUser } from './slack-user';
import type { Subscription } from './subscription';
import type { SubscriptionStatus } from './subscription-status';
import { isFinal } from './subscription-transition';

/** One subscription a publish would affect, and the tables of it the product would no longer hold. */
export interface SubscriptionImpact {
  subscriptionId: string;
  consumerAccountId: string;
  requester: SlackUser;
  status: SubscriptionStatus;
  /** Its tables the product would no longer hold (empty: it keeps them all). */
  loses: string[];
}

/**
 * What a publish would change in a product that has subscribers, for its publisher to confirm:
 * the tables that would leave or join it, a new name, new owners, and each live subscription's loss.
 * `fingerprint` names this exact effect on this version, so a confirmation of another effect is refused.
 */
export interface PublishImpact {
  productId: string;
  productName: string;
  version: number;
  tablesRemoved: string[];
  tablesAdded: string[];
  name?: { before: string; after: string };
  owners?: { before: SlackUser[]; after: SlackUser[] };
  subscriptions: SubscriptionImpact[];
  fingerprint: string;
}

/** What a publish would make of the product: its name, owners and tables after it. */
export interface PublishedShape {
  name: string;
  owners: readonly SlackUser[];
  tables: readonly string[];
  /** Whether the publish asks for another table pattern than the product's (a sync keeps it). */
  patternChanged: boolean;
}

const ownerKeys = (users: readonly SlackUser[]): string => [...new Set(users.map(slackUserKey))].sort().join(' ');

/**
 * The effect of a publish on a product's live subscriptions (any not in a final status), or
 * undefined when it needs no confirmation: no live subscription, or no change of its name, owners or
 * tables beyond what a sync would bring (tables of its own pattern appearing in the source).
 */
export function publishImpact(product: DataProduct, next: PublishedShape, subscriptions: readonly Subscription[]): PublishImpact | undefined {
  const live = subscriptions.filter((s) => s.productId === product.id && !isFinal(s.status));
  if (live.length === 0) return undefined;
  const tablesRemoved = product.tables.filter((t) => !next.tables.includes(t)).sort();
  const tablesAdded = next.patternChanged ? next.tables.filter((t) => !product.tables.includes(t)).sort() : [];
  const nameChanged = next.name !== product.name;
  const ownersChanged = ownerKeys(next.owners) !== ownerKeys(product.owners);
  if (tablesRemoved.length === 0 && tablesAdded.length === 0 && !nameChanged && !ownersChanged) return undefined;
  const impacts = live
    .map((s) => ({ subscriptionId: s.id, consumerAccountId: s.consumerAccountId, requester: s.requester, status: s.status, loses: s.tables.filter((t) => tablesRemoved.includes(t)).sort() }))
    .sort((a, b) => a.subscriptionId.localeCompare(b.subscriptionId));
  const effect = {
    productId: product.id,
    productName: product.name,
    version: product.version,
    tablesRemoved,
    tablesAdded,
    ...(nameChanged && { name: { before: product.name, after: next.name } }),
    ...(ownersChanged && { owners: { before: [...product.owners], after: [...next.owners] } }),
    subscriptions: impacts,
  };
  // The subscriptions' versions count too: one that changed since the question was asked makes it another question.
  const versions = live.map((s) => `${s.id}@${s.version}`).sort();
  const fingerprint = createHash('sha256').update(JSON.stringify({ effect, versions })).digest('hex').slice(0, 16);
  return { ...effect, fingerprint };
}
