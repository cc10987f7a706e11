import type { SlackUser } from '../domain/slack-user';
import type { Subscription } from '../domain/subscription';
import { hasPersona, sameUser, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Read subscriptions at all: people mapped to an account, and mesh admins. */
export function canReadSubscriptions(actor: Actor): Verdict {
  if (actor.meshAdmin || (actor.identity?.personas.length ?? 0) > 0) return ALLOWED;
  return refused({
    reason: 'not_mapped_to_read',
    params: {},
    message: 'subscriptions are shown to people mapped to an account of the mesh',
    hint: 'ask a mesh admin to map you as a producer or consumer of an account',
  });
}

/**
 * Read one subscription (its tables, reason, decision and names to query): mesh admins, its requester,
 * the producers of its producer account, the consumers of its consumer account, and its product's
 * owners (`owners`, when known), who decide on it.
 */
export function canSeeSubscription(actor: Actor, subscription: Subscription, owners: readonly SlackUser[] = []): Verdict {
  if (actor.meshAdmin || sameUser(actor.user, subscription.requester)) return ALLOWED;
  if (hasPersona(actor, subscription.producerAccountId, 'producer') || hasPersona(actor, subscription.consumerAccountId, 'consumer')) return ALLOWED;
  if (owners.some((owner) => sameUser(owner, actor.user))) return ALLOWED;
  return refused({
    reason: 'not_yours_to_see',
    params: { subscriptionId: subscription.id },
    message: `subscription ${subscription.id} is not yours to see: you are not its requester, an owner of its product, or a producer or consumer of the accounts it concerns`,
    hint: 'ask its requester or an owner of the product',
  });
}
