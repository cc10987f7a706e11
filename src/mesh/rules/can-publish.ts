import { hasPersona, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Publish (or re-sync) from a producer account: only users mapped as its producer (or mesh admins). */
export function canPublish(actor: Actor, producerAccountId: string): Verdict {
  if (actor.meshAdmin || hasPersona(actor, producerAccountId, 'producer')) return ALLOWED;
  return refused(
    `you are not mapped as a producer of account ${producerAccountId}`,
    'ask a mesh admin to map you: `/mesh admin map @you <account> producer`',
  );
}
