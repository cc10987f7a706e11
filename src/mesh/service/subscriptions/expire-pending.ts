import type { Subscription } from '../../domain/subscription';
import { AlreadyDecidedError } from '../../errors';
import { readAllPages } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import { pendingOlderThan, remindersDue } from './pending-sweep';

/** What a sweep did: the requests it expired, and those whose owners should be reminded. */
export interface SweepOutcome {
  expired: Subscription[];
  remindersDue: Subscription[];
}

/**
 * The pending sweep: requests undecided for `expirePendingAfterHours` become EXPIRED (as the
 * `expiry-sweep`); a request decided meanwhile is left alone. Also returns the requests due a
 * reminder (older than `remindPendingAfterHours`); the bot sends those.
 */
export async function expirePending(deps: MeshDeps): Promise<SweepOutcome> {
  const now = deps.clock();
  const pending = await readAllPages((page) => deps.stores.subscriptions.listByStatus('PENDING', page));
  const { expirePendingAfterHours: expireAfterHours, remindPendingAfterHours: remindAfterHours } = deps.config;
  const expired: Subscription[] = [];
  for (const subscription of pendingOlderThan(pending, now, expireAfterHours)) {
    try {
      expired.push(
        await deps.stores.subscriptions.record(subscription.id, {
          event: 'expire',
          actor: { system: 'expiry-sweep' },
          at: new Date(now).toISOString(),
          note: `undecided for ${expireAfterHours} hours`,
        }),
      );
    } catch (error) {
      if (!(error instanceof AlreadyDecidedError)) throw error;
    }
  }
  if (expired.length > 0) deps.logger.info({ expired: expired.length }, 'pending requests expired');
  return { expired, remindersDue: remindersDue(pending, now, { remindAfterHours, expireAfterHours }) };
}
