import type * as z from 'zod';
import type { InputPath } from '../error-reasons';
import type { InputProblems } from '../errors';

/** A zod issue's path as the mesh names input paths (`['tables', 2]`); a symbol key by its description. */
export function issuePath(issue: z.core.$ZodIssue): InputPath {
  return issue.path.map((key) => (typeof key === 'symbol' ? String(key.description) : key));
}

/** One problem of a zod error: its message, prefixed with its path. */
function issueText(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/**
 * One sentence from a zod error, each problem prefixed with its path:
 * `tables.2: "Usecase" is not a Glue name (a-z, 0-9, _ and -); justification: a reason is required`.
 */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map(issueText).join('; ');
}

/**
 * A zod error as the problems of an InvalidInputError: one per issue, with its path, the schema's
 * sentence, and `hint`; `operation` (e.g. `publish`) prefixes each sentence.
 */
export function issueProblems(error: z.ZodError, hint: string, operation?: string): InputProblems {
  const [first, ...rest] = error.issues.map((issue) => ({
    reason: 'invalid_value' as const,
    params: { problem: issue.message, operation },
    path: issuePath(issue),
    message: operation === undefined ? issueText(issue) : `${operation}: ${issueText(issue)}`,
    hint,
  }));
  // zod reports at least one issue for every failure.
  return first === undefined ? [{ reason: 'invalid_value', params: { problem: 'not valid', operation }, message: 'not valid', hint }] : [first, ...rest];
}
