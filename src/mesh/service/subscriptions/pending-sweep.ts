import type { Subscription } from '../../domain/subscription';

const HOUR_MS = 60 * 60 * 1000;

/** Pending requests older than `hours` at `now` (epoch ms). */
export function pendingOlderThan(subscriptions: readonly Subscription[], now: number, hours: number): Subscription[] {
  return subscriptions.filter((s) => s.status === 'PENDING' && now - Date.parse(s.createdAt) >= hours * HOUR_MS);
}

/**
 * The pending requests whose owners should be reminded: older than `remindAfterHours`, not yet old
 * enough to expire. Pure selection; the bot sends the reminders.
 */
export function remindersDue(subscriptions: readonly Subscription[], now: number, { remindAfterHours, expireAfterHours }: { remindAfterHours: number; expireAfterHours: number }): Subscription[] {
  const expiring = new Set(pendingOlderThan(subscriptions, now, expireAfterHours).map((s) => s.id));
  return pendingOlderThan(subscriptions, now, remindAfterHours).filter((s) => !expiring.has(s.id));
}
