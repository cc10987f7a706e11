import type { z } from 'zod';
import { formatIssues } from '../domain/format-issues';
import { InvalidInputError } from '../errors';

/**
 * Parse an operation's input with its schema; a mismatch is one InvalidInputError sentence naming
 * each problem with its path, e.g. `publish: tablePattern: …`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, operation: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(`${operation}: ${formatIssues(parsed.error)}`, 'correct the input and try again');
  return parsed.data;
}
