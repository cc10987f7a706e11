import * as z from 'zod';
import type { Refusal } from '../error-reasons';

/**
 * An IAM role of a consumer account that runs queries, by ARN: `arn:aws:iam::999999999999:role/Analyst`
 * (a path may precede the name). Lake Formation grants go to this ARN.
 */
export const QueryRoleArnSchema = z
  .string()
  .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/, {
    error: (issue) => `${JSON.stringify(issue.input)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`,
  });

export type QueryRoleArn = z.infer<typeof QueryRoleArnSchema>;

/** A role's name, the last part of its ARN: `arn:aws:iam::999999999999:role/team/Analyst` → `Analyst`. */
export function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** The account of an IAM ARN: `arn:aws:iam::999999999999:role/Analyst` → `999999999999`. */
export function accountOfArn(arn: string): string {
  return arn.split(':')[4] ?? '';
}

/** What is wrong with a typed query role (no hint, no path: the caller knows both). */
export type QueryRoleProblem = Omit<Refusal<'query_role_not_a_role'>, 'hint' | 'path'> | Omit<Refusal<'query_role_of_other_account'>, 'hint' | 'path'>;

/**
 * Query roles as typed by a person, each a role name (`Analyst`) or a role ARN, made ARNs of the
 * account; the problems for what is neither or names another account.
 */
export function queryRoleArns(typed: readonly string[], accountId: string): { arns: string[]; problems: QueryRoleProblem[] } {
  const arns: string[] = [];
  const problems: QueryRoleProblem[] = [];
  for (const raw of typed) {
    const text = raw.trim();
    const arn = text.startsWith('arn:') ? text : `arn:aws:iam::${accountId}:role/${text}`;
    const parsed = QueryRoleArnSchema.safeParse(arn);
    const roleAccountId = accountOfArn(arn);
    if (!parsed.success) problems.push({ reason: 'query_role_not_a_role', params: { typed: text, accountId }, message: `${JSON.stringify(text)} is not an IAM role name or role ARN` });
    else if (roleAccountId !== accountId) problems.push({ reason: 'query_role_of_other_account', params: { arn, roleAccountId, accountId }, message: `${arn} is a role of account ${roleAccountId}, not of ${accountId}` });
    else if (!arns.includes(arn)) arns.push(arn);
  }
  return { arns, problems };
}
