import * as z from 'zod';
import { AccountIdSchema } from './account-id';

/** An IAM role or user ARN, e.g. `arn:aws:iam::999999999999:role/Analyst`. */
export const IamPrincipalArnSchema = z
  .string()
  .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/, {
    error: (issue) => `${JSON.stringify(issue.input)} is not an IAM role or user ARN`,
  });

/**
 * Whom Lake Formation grants to: a whole account (`999999999999`, cross-account) or an IAM role or
 * user (`arn:aws:iam::999999999999:role/Analyst`).
 */
export const GranteeSchema = z.union([AccountIdSchema, IamPrincipalArnSchema], {
  error: (issue) => `${JSON.stringify(issue.input)} is neither an AWS account id (12 digits) nor an IAM role or user ARN`,
});

export type Grantee = z.infer<typeof GranteeSchema>;

/** Whether the grantee is a whole account rather than an IAM principal. */
export function isAccountGrantee(grantee: string): boolean {
  return AccountIdSchema.safeParse(grantee).success;
}
