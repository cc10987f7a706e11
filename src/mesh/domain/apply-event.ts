import { AlreadyDecidedError, type IllegalTransitionError } from '../errors';
import { accessDelta, type AccessDelta, type AccessGrant } from './access-delta';
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

/** What a subscription gives now. */
function grantOf(s: Subscription): AccessGrant {
  return { permissions: s.grantedPermissions, grantable: s.grantablePermissions, tables: s.tables, columns: s.columns };
}

/**
 * What an event changes in the access, for its history entry: an approval against the request (the
 * request names no grant option, so that is never part of it), a modify against the grant it
 * replaces, a revoke everything granted. Other events change no access.
 */
function deltaOf(event: SubscriptionEvent, current: Subscription, next: Subscription): AccessDelta | undefined {
  switch (event) {
    case 'approve':
      return accessDelta({ permissions: current.requestedPermissions, grantable: next.grantablePermissions, tables: current.tables, columns: current.columns }, grantOf(next));
    case 'modify':
      return accessDelta(grantOf(current), grantOf(next));
    case 'revoke':
      // The columns go with the tables: saying "every column" afterwards would read as more access.
      return accessDelta(grantOf(current), { permissions: [], grantable: [], tables: [], columns: current.columns });
    default:
      return undefined;
  }
}

/**
 * The next state of a subscription after a change: status moved by the status machine, version + 1,
 * one history entry appended (with what it changed in the access), decision recorded. Pure; the store writes the result conditionally.
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
  const decider = DECISION_EVENTS.has(change.event) && 'userId' in change.actor ? change.actor : undefined;
  const patched: Subscription = {
    ...current,
    ...change.patch,
    status: move.to,
    version: current.version + 1,
    updatedAt: change.at,
    ...(decider && { decidedBy: decider, decidedAt: change.at }),
  };
  const delta = deltaOf(change.event, current, patched);
  const entry: HistoryEntry = {
    at: change.at,
    actor: change.actor,
    event: change.event,
    from: current.status,
    to: move.to,
    ...(change.note !== undefined && { note: change.note }),
    ...(delta && { delta }),
  };
  return { ok: true, next: { ...patched, history: [...current.history, entry] } };
}
