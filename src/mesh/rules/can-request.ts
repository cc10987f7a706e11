import { hasPersona, type Actor } from './actor';
import { ALLOWED, refused, type Verdict } from './verdict';

/** Request access for a consumer account: only users mapped as that account's consumer (or mesh admins). */
export function canRequest(actor: Actor, consumerAccountId: string): Verdict {
  if (actor.meshAdmin || hasPersona(actor, consumerAccountId, 'consumer')) return ALLOWED;
  const mapped = actor.identity?.personas.filter((p) => p.kind === 'consumer').map((p) => p.accountId) ?? [];
  return refused({
    reason: 'not_consumer_of_account',
    params: { accountId: consumerAccountId, mappedAccounts: mapped },
    message: `you are not mapped as a consumer of account ${consumerAccountId}`,
    hint:
      mapped.length > 0
        ? `request for an account you are mapped to (${mapped.join(', ')}), or ask a mesh admin to map you`
        : 'ask a mesh admin to map you as a consumer of the account',
  });
}
