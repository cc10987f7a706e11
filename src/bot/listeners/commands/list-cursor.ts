import * as z from 'zod';
import { SubscriptionStatusSchema } from '../../../mesh/domain/subscription-status';
import { SLACK_LIMITS } from '../../blocks/slack-limits';

/**
 * Which list a [Next page] button continues, and where: the list (with its filter) and the store's
 * cursor, or an offset for lists read whole. Short keys keep the button value compact, e.g.
 * `{"l":"products","q":"churn","c":"eyJpZCI6…"}`. Who may see what is decided again on every click.
 */
export const ListCursorSchema = z.discriminatedUnion('l', [
  z.object({ l: z.literal('products'), q: z.string().min(1).max(500).optional(), c: z.string().min(1) }),
  /** Pending requests: `a` is the index of the producer account being read (admins: all at once). */
  z.object({ l: z.literal('pending'), a: z.number().int().min(0).max(1000), c: z.string().min(1).optional() }),
  z.object({ l: z.literal('mine'), c: z.string().min(1) }),
  z.object({ l: z.literal('product'), p: z.string().min(1).max(255), c: z.string().min(1) }),
  z.object({ l: z.literal('status'), s: SubscriptionStatusSchema, c: z.string().min(1) }),
  z.object({ l: z.literal('accounts'), o: z.number().int().min(1) }),
]);

export type ListCursor = z.infer<typeof ListCursorSchema>;

/** The button value of a cursor; undefined when it would not fit in one (the list then stops there). */
export function encodeListCursor(cursor: ListCursor): string | undefined {
  const value = JSON.stringify(cursor);
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

/** The cursor of a [Next page] button value; undefined for a value this bot did not write. */
export function decodeListCursor(value: string): ListCursor | undefined {
  try {
    const parsed = ListCursorSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
