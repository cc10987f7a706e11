import { hasPersona, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Publish (or re-sync) from a producer account: only users mapped as its producer (or mesh admins). */
export function canPublish(actor: Actor, producerAccountId: string): Verdict {
  if (actor.meshAdmin || hasPersona(actor, producerAccountId, 'producer')) return ALLOWED;
  return refused({
    reason: 'not_producer_of_account',
    params: { accountId: producerAccountId },
    message: `you are not mapped as a producer of account ${producerAccountId}`,
    hint: 'ask a mesh admin to map you as a producer of the account',
  });
}
