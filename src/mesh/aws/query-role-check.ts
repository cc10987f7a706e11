import { NoSuchEntityException, SimulatePrincipalPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { DATA_ACCESS_ACTION, QUERY_CHECKED_ACTIONS } from '../domain/query-access';
import { callAws, type AwsCallSite } from './translate-aws-error';

/** What IAM says of a would-be query role: it does not exist, or these of the checked actions are not allowed to it. */
export type QueryRoleFinding = { arn: string; exists: false } | { arn: string; exists: true; denied: string[] };

/**
 * Ask IAM (SimulatePrincipalPolicy, as the consumer's Meshbot role) whether a role exists and may
 * make the calls a query of a shared table needs: `lakeformation:GetDataAccess` (no resource types)
 * and Glue reads, simulated on the role's own account's catalog, where its resource links are (a
 * resource of another account would need that account's resource policy in the simulation, which the
 * bot cannot read). `NoSuchEntity` means the role does not exist (IAM API reference,
 * SimulatePrincipalPolicy errors).
 */
export async function checkQueryRole(iam: IAMClient, arn: string, catalogArn: string, site: Omit<AwsCallSite, 'doing'>): Promise<QueryRoleFinding> {
  const simulate = async (actions: readonly string[], resources?: string[]): Promise<string[] | undefined> => {
    try {
      const answer = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: [...actions], ...(resources && { ResourceArns: resources }) }));
      return (answer.EvaluationResults ?? []).filter((r) => r.EvalDecision !== 'allowed').map((r) => r.EvalActionName ?? '');
    } catch (error) {
      if (error instanceof NoSuchEntityException) return undefined;
      throw error;
    }
  };
  return callAws({ ...site, doing: `check the query role ${arn} with IAM` }, async () => {
    const dataAccess = await simulate([DATA_ACCESS_ACTION]);
    if (dataAccess === undefined) return { arn, exists: false };
    const glue = (await simulate(QUERY_CHECKED_ACTIONS.filter((a) => a !== DATA_ACCESS_ACTION), [catalogArn])) ?? [];
    return { arn, exists: true, denied: [...new Set([...dataAccess, ...glue])] };
  });
}
