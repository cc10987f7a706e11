import type * as z from 'zod';
import { issueProblems } from '../domain/format-issues';
import { InvalidInputError } from '../errors';

/**
 * Parse an operation's input with its schema; a mismatch is an InvalidInputError with one problem
 * per zod issue, each carrying its input path, e.g. `publish: tablePattern: …` at `['tablePattern']`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, operation?: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(issueProblems(parsed.error, 'correct the values named and try again', operation));
  return parsed.data;
}
