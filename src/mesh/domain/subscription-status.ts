import * as z from 'zod';

/** Every status a subscription can be in (see the status machine in `subscription-transition.ts`). */
export const SUBSCRIPTION_STATUSES = [
  'PENDING',
  'GRANTING',
  'ACTIVE',
  'MODIFYING',
  'DENIED',
  'CANCELLED',
  'EXPIRED',
  'REVOKING',
  'REVOKED',
  'FAILED',
] as const;

export const SubscriptionStatusSchema = z.enum(SUBSCRIPTION_STATUSES, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a status (${SUBSCRIPTION_STATUSES.join(', ')})`,
});

export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

/** What can happen to a subscription; the status machine says from which statuses each is legal. */
export const SUBSCRIPTION_EVENTS = [
  'approve',
  'deny',
  'cancel',
  'expire',
  'grant-succeeded',
  'grant-failed',
  'share-pending',
  'retry',
  'modify',
  'modify-succeeded',
  'revoke',
  'revoke-succeeded',
] as const;

export const SubscriptionEventSchema = z.enum(SUBSCRIPTION_EVENTS);

export type SubscriptionEvent = z.infer<typeof SubscriptionEventSchema>;

/** The events that decide a pending request (the bot's expiry among them). */
export const DECISION_EVENTS: ReadonlySet<SubscriptionEvent> = new Set(['approve', 'deny', 'cancel', 'expire']);

/** Whether `event` comes too late: a decision on a request that is no longer PENDING is "already decided", not an illegal move. */
export function isAlreadyDecided(status: SubscriptionStatus, event: SubscriptionEvent): boolean {
  return DECISION_EVENTS.has(event) && status !== 'PENDING';
}
