import type { Subscription } from '../domain/subscription';
import { sameUser, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Cancel a pending request: its requester only (or a mesh admin). */
export function canCancel(actor: Actor, subscription: Subscription): Verdict {
  if (actor.meshAdmin || sameUser(actor.user, subscription.requester)) return ALLOWED;
  return refused({
    reason: 'not_requester',
    params: { requester: subscription.requester },
    message: 'only the requester can cancel a request',
    hint: `ask user ${subscription.requester.userId}, or deny it if you own the product`,
  });
}
