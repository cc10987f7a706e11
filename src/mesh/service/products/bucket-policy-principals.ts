import * as z from 'zod';

// The part of a bucket policy this reads (IAM JSON policy element reference: Statement, Effect,
// Principal as "*" or { AWS: ARN | account id | list }); anything else in it is left alone.
const PrincipalSchema = z.union([z.literal('*'), z.object({ AWS: z.union([z.string(), z.array(z.string())]).optional() }).loose()]);
const PolicySchema = z.object({
  Statement: z.union([z.array(z.object({ Effect: z.string(), Principal: PrincipalSchema.optional() }).loose()), z.object({ Effect: z.string(), Principal: PrincipalSchema.optional() }).loose()]),
});

/**
 * Whether some Allow statement of a bucket policy names the role, its account (`arn:aws:iam::<id>:root`
 * or the bare id, which hand the decision to that account's IAM policies) or everyone (`"*"`). A
 * policy that names none of them cannot let the role of another account in (IAM User Guide,
 * "Cross-account policy evaluation logic": the resource policy must allow the principal); one that does
 * may still not (its actions, resources, conditions and Deny statements are not evaluated here: that
 * is IAM's job, and the first query shows it). An unreadable policy counts as naming nobody.
 */
export function bucketPolicyNames(policyText: string, roleArn: string): boolean {
  const account = roleArn.split(':')[4] ?? '';
  let parsed: z.infer<typeof PolicySchema>;
  try {
    parsed = PolicySchema.parse(JSON.parse(policyText));
  } catch {
    return false;
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  const names = new Set(['*', roleArn, account, `arn:aws:iam::${account}:root`]);
  return statements.some((s) => {
    if (s.Effect !== 'Allow' || s.Principal === undefined) return false;
    if (s.Principal === '*') return true;
    const aws = s.Principal.AWS;
    return (Array.isArray(aws) ? aws : aws === undefined ? [] : [aws]).some((p) => names.has(p));
  });
}
