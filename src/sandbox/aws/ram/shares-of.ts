import { shareActiveFor } from '../access/resource-sharing';
import type { CallContext } from '../operation';
import type { ResourceShare } from '../world';

/** `SELF`: shares the caller's account owns; `OTHER-ACCOUNTS`: shares others made with it that it may use (associated, and accepted outside an Organization). */
export type ResourceOwner = 'SELF' | 'OTHER-ACCOUNTS';

/** The shares seen from the caller's account for a `resourceOwner` filter. */
export function sharesOf(ctx: CallContext, owner: ResourceOwner): ResourceShare[] {
  const account = ctx.caller.accountId;
  return ctx.world.resourceShares.filter((share) => (owner === 'SELF' ? share.ownerAccountId === account : share.ownerAccountId !== account && shareActiveFor(ctx.world, share, account)));
}
