import type { Subscription } from '../domain/subscription';

/**
 * The lock (and SQS message group) of grants by one catalog to one grantee: Lake Formation answers
 * concurrent grants on the same pair with ConcurrentModificationException, so they run one at a time.
 */
export function grantLockKey(grantorCatalogId: string, grantee: string): string {
  return `${grantorCatalogId}#${grantee}`;
}

/**
 * The lock of a subscription's grants: its mesh catalog and consumer account. Also the SQS message
 * group of the bot's jobs that change them, so one account's Lake Formation work runs in order everywhere.
 */
export function subscriptionLockKey(subscription: Pick<Subscription, 'meshCatalogId' | 'consumerAccountId'>): string {
  return grantLockKey(subscription.meshCatalogId, subscription.consumerAccountId);
}
