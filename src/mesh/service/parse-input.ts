import type * as z from 'zod';
import { formatIssues } from '../domain/format-issues';
import { InvalidInputError } from '../errors';

/**
 * Parse an operation's input with its schema; a mismatch is one InvalidInputError sentence naming
 * each problem with its path, e.g. `publish: tablePattern: …`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, operation?: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = formatIssues(parsed.error);
    throw new InvalidInputError(operation === undefined ? problems : `${operation}: ${problems}`, 'correct the values named and try again');
  }
  return parsed.data;
}
