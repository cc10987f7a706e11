import type { Subscription } from '../domain/subscription';
import { hasPersona, sameUser, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Read through a subscription's links: its requester, a consumer of its account, or a mesh admin. */
export function canUseAccess(actor: Actor, subscription: Subscription): Verdict {
  if (actor.meshAdmin || sameUser(actor.user, subscription.requester) || hasPersona(actor, subscription.consumerAccountId, 'consumer')) return ALLOWED;
  return refused({
    reason: 'not_consumer_to_use',
    params: { accountId: subscription.consumerAccountId, requester: subscription.requester },
    message: `only the consumer account ${subscription.consumerAccountId} can use this subscription`,
    hint: `ask user ${subscription.requester.userId}, who requested it`,
  });
}
