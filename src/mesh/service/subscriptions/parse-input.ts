import type { z } from 'zod';
import { formatIssues } from '../../domain/format-issues';
import { InvalidInputError } from '../../errors';

/** Parse an operation's input with its schema; anything wrong becomes one InvalidInputError naming each problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error), 'correct the values named and try again');
  return parsed.data;
}
