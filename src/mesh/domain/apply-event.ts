import { AlreadyDecidedError, type IllegalTransitionError } from '../errors';
import type { Actor } from './actor';
import type { HistoryEntry, Subscription } from './subscription';
import { DECISION_EVENTS, isAlreadyDecided, type SubscriptionEvent } from './subscription-status';
import { transition } from './subscription-transition';

/** Fields an event may change besides status, version and history. */
export type SubscriptionPatch = Partial<
  Pick<
    Subscription,
    'grantedPermissions' | 'grantablePermissions' | 'columns' | 'decisionNotes' | 'plan' | 'previousPlan' | 'results' | 'ramShares' | 'links' | 'queryPlan' | 'tables'
  >
>;

/** One thing that happens to a subscription: who, when, what, why, and what it changes. */
export interface SubscriptionChange {
  event: SubscriptionEvent;
  actor: Actor;
  /** ISO timestamp from the caller's clock. */
  at: string;
  note?: string;
  patch?: SubscriptionPatch;
}

export type ApplyResult = { ok: true; next: Subscription } | { ok: false; error: IllegalTransitionError | AlreadyDecidedError };

/**
 * The next state of a subscription after a change: status moved by the status machine, version + 1,
 * one history entry appended, decision recorded. Pure; the store writes the result conditionally.
 */
export function applyEvent(current: Subscription, change: SubscriptionChange): ApplyResult {
  const move = transition(current.status, change.event);
  if (!move.ok) {
    if (isAlreadyDecided(current.status, change.event)) {
      const decision = current.history.find((entry) => entry.from === 'PENDING');
      return { ok: false, error: new AlreadyDecidedError(current.id, current.status, decision?.actor, decision?.at) };
    }
    return { ok: false, error: move.error };
  }
  const entry: HistoryEntry = {
    at: change.at,
    actor: change.actor,
    event: change.event,
    from: current.status,
    to: move.to,
    ...(change.note !== undefined && { note: change.note }),
  };
  const decider = DECISION_EVENTS.has(change.event) && 'userId' in change.actor ? change.actor : undefined;
  return {
    ok: true,
    next: {
      ...current,
      ...change.patch,
      status: move.to,
      version: current.version + 1,
      updatedAt: change.at,
      ...(decider && { decidedBy: decider, decidedAt: change.at }),
      history: [...current.history, entry],
    },
  };
}
