import type * as z from 'zod';

/**
 * One sentence from a zod error, each problem prefixed with its path:
 * `tables.2: "Usecase" is not a Glue name (a-z, 0-9, _ and -); justification: a reason is required`.
 */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
