import * as z from 'zod';

/** An AWS account id: exactly 12 digits, e.g. `111111111111`. */
export const AccountIdSchema = z
  .string()
  .regex(/^\d{12}$/, { error: (issue) => `${JSON.stringify(issue.input)} is not an AWS account id (12 digits)` });

export type AccountId = z.infer<typeof AccountIdSchema>;
