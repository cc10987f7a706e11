import type * as z from 'zod';
import { formatIssues } from '../domain/format-issues';
import { MalformedItemError } from '../errors';

/**
 * Parse an item read from DynamoDB; a malformed item becomes a MalformedItemError naming it, never a
 * crash deeper in. Index attributes the store adds on write are not in the schemas, so parsing drops them.
 */
export function parseItem<S extends z.ZodType>(schema: S, item: Record<string, unknown>, key: string): z.infer<S> {
  const result = schema.safeParse(item);
  if (!result.success) throw new MalformedItemError(key, formatIssues(result.error));
  return result.data;
}

