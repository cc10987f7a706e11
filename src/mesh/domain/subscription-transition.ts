import { IllegalTransitionError } from '../errors';
import { SUBSCRIPTION_EVENTS, type SubscriptionEvent, type SubscriptionStatus } from './subscription-status';

/** The moves legal from one status: event → next status. */
export type StatusMoves = Readonly<Partial<Record<SubscriptionEvent, SubscriptionStatus>>>;

/**
 * The subscription status machine as data, one row per status; a status with no moves is final.
 * Printed by the docs, read by `transition`; nothing else decides what may happen.
 */
export const SUBSCRIPTION_TRANSITIONS: Readonly<Record<SubscriptionStatus, StatusMoves>> = Object.freeze({
  PENDING: { approve: 'GRANTING', deny: 'DENIED', cancel: 'CANCELLED', expire: 'EXPIRED' },
  GRANTING: {
    'grant-succeeded': 'ACTIVE',
    'grant-failed': 'FAILED',
    // Granted, but RAM has not yet delivered the share to the consumer account: the sweep looks again.
    'share-pending': 'GRANTING',
    // A worker crashed mid-grant and left the record GRANTING: retry finishes the grant.
    retry: 'GRANTING',
  },
  FAILED: {
    retry: 'GRANTING',
    // Give up a partly granted subscription: revoking removes whatever was granted.
    revoke: 'REVOKING',
  },
  // A modify is recorded (→ MODIFYING, with the new plan) before any Lake Formation call, so a
  // concurrent revoke or second modify loses its write and never touches AWS.
  ACTIVE: { modify: 'MODIFYING', revoke: 'REVOKING' },
  MODIFYING: {
    'modify-succeeded': 'ACTIVE',
    // Some of the new grants were refused: FAILED, and retry grants what is missing.
    'grant-failed': 'FAILED',
    // A worker crashed mid-modify and left the record MODIFYING: retry finishes the modify.
    retry: 'MODIFYING',
  },
  REVOKING: {
    'revoke-succeeded': 'REVOKED',
    // A worker crashed mid-revoke and left the record REVOKING: retry finishes the revoke.
    retry: 'REVOKING',
  },
  DENIED: {},
  CANCELLED: {},
  EXPIRED: {},
  REVOKED: {},
});

/** Where `event` takes a subscription in `from`, or why it cannot. */
export type TransitionResult = { readonly ok: true; readonly to: SubscriptionStatus } | { readonly ok: false; readonly error: IllegalTransitionError };

/** The events legal from `status`, in the canonical event order. */
export function allowedEvents(status: SubscriptionStatus): SubscriptionEvent[] {
  const moves = SUBSCRIPTION_TRANSITIONS[status];
  return SUBSCRIPTION_EVENTS.filter((event) => moves[event] !== undefined);
}

/** Whether nothing more can happen to a subscription in `status`. */
export function isFinal(status: SubscriptionStatus): boolean {
  return allowedEvents(status).length === 0;
}

/**
 * The status `event` moves a subscription in `from` to; an illegal move returns (not throws) an
 * `IllegalTransitionError` naming `from` and the legal events, e.g.
 * `transition('PENDING', 'approve')` → `{ ok: true, to: 'GRANTING' }`.
 */
export function transition(from: SubscriptionStatus, event: SubscriptionEvent): TransitionResult {
  const to = SUBSCRIPTION_TRANSITIONS[from][event];
  return to === undefined ? { ok: false, error: new IllegalTransitionError(from, event, allowedEvents(from)) } : { ok: true, to };
}
