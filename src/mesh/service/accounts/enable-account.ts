import * as z from 'zod';
import { catalogPermissionsOf } from '../../aws/lake-formation-permissions';
import { readDataLakeSettings } from '../../aws/lake-formation-settings';
import { checkQueryRole, type QueryRoleFinding } from '../../aws/query-role-check';
import { AccountIdSchema } from '../../domain/account-id';
import { ROLE_NAMES, producerRoleInMesh, roleArn } from '../../domain/account-roles';
import type { MeshAccount } from '../../domain/mesh-account';
import { queryRoleArns } from '../../domain/query-principal';
import { AccountNotReadyError, AwsRefusedError, InvalidInputError } from '../../errors';
import { canAdminister } from '../../rules/can-administer';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { missingSettings } from './account-readiness';
import { logFields } from '../log-fields';

/**
 * Enable an account in the mesh as a producer or a consumer: `{ accountId: '111111111111', as: 'producer' }`;
 * a consumer names the roles that query there: `queryPrincipals: ['Analyst', 'arn:aws:iam::999999999999:role/bi/Reporting']`
 * (names or ARNs; given, they replace the recorded ones).
 */
export const EnableAccountInputSchema = z.object({
  accountId: AccountIdSchema,
  as: z.enum(['producer', 'consumer']),
  queryPrincipals: z.array(z.string().min(1).max(2048)).min(1).max(20).optional(),
});

export type EnableAccountInput = z.infer<typeof EnableAccountInputSchema>;

/** The account as recorded, and whether this call changed the record. */
export interface EnableAccountResult {
  account: MeshAccount;
  changed: boolean;
}

/** A check that could not run because AWS refused it: that is itself something to fix in the account. */
function refusal(error: unknown): string {
  if (error instanceof AwsRefusedError) return error.message;
  throw error;
}

/** The named query roles as ARNs of the account; InvalidInputError (nothing checked, nothing recorded) for a malformed one or a producer. */
function queryPrincipalsOf(input: EnableAccountInput): string[] | undefined {
  if (input.queryPrincipals === undefined) return undefined;
  const path = ['queryPrincipals'];
  if (input.as !== 'consumer') {
    throw new InvalidInputError({
      reason: 'query_roles_for_producer',
      params: { accountId: input.accountId },
      path,
      message: 'query principals belong to consumer accounts',
      hint: `enable ${input.accountId} as consumer to name the roles that query there`,
    });
  }
  const { arns, problems } = queryRoleArns(input.queryPrincipals, input.accountId);
  const hint = `name roles of account ${input.accountId}, e.g. Analyst or arn:aws:iam::${input.accountId}:role/Analyst`;
  const [first, ...more] = problems.map((problem) => ({ ...problem, path, hint }));
  if (first !== undefined) throw new InvalidInputError([first, ...more]);
  return arns;
}

/** What keeps a role from querying shared tables, one sentence each (empty: it can). */
function queryRoleProblems(finding: QueryRoleFinding): string[] {
  if (!finding.exists) return [`query role ${finding.arn} does not exist; create it or name another role`];
  if (finding.denied.length === 0) return [];
  return [`query role ${finding.arn} may not call ${finding.denied.join(', ')} (IAM); deploy the consumer stack with \`-c queryRoles=${finding.arn}\`, or give the role these actions`];
}

/**
 * Enable an account as producer or consumer (mesh admins only), after checking through its Meshbot
 * role that its Lake Formation settings allow the mesh to work; AccountNotReadyError lists exactly
 * what is missing, and nothing is recorded then. Enabling again as the other role adds it (version + 1).
 * A consumer's query roles are checked with IAM (they exist, and may read shared tables) before they
 * are recorded.
 */
export async function enableAccount(deps: MeshDeps, ctx: RequestContext, rawInput: EnableAccountInput): Promise<EnableAccountResult> {
  const input = parseInput(EnableAccountInputSchema, rawInput, 'enable');
  enforce(canAdminister(await resolveActor(deps, ctx), deps.config.meshAdmins));
  const log = deps.logger.child(logFields(ctx, { accountId: input.accountId }));
  const session = { actor: ctx.user.userId, requestId: ctx.requestId };
  const retry = deps.executor ?? {};
  const roleName = input.as === 'producer' ? ROLE_NAMES.producer : ROLE_NAMES.consumer;
  const queryPrincipals = queryPrincipalsOf(input);

  const missing: string[] = [];
  let crossAccountVersion: number | undefined;
  try {
    const { lakeFormation } = deps.clientsFor({ ...session, accountId: input.accountId, roleName });
    const settings = await readDataLakeSettings({ client: lakeFormation, roleName, accountId: input.accountId, retry });
    crossAccountVersion = settings.crossAccountVersion;
    missing.push(...missingSettings({ accountId: input.accountId, roleName, roleArn: roleArn(input.accountId, roleName), settings }));
  } catch (error) {
    missing.push(refusal(error));
  }
  if (input.as === 'producer') {
    // Publishing creates the producer's mesh databases as its role in the mesh account; the mesh's
    // data lake admin reads that role's grants (a role that lacks them would see nothing at all).
    const meshRole = producerRoleInMesh(input.accountId);
    const { meshAccountId } = deps.config;
    const reader = ROLE_NAMES.meshAdmin;
    try {
      const { lakeFormation } = deps.clientsFor({ ...session, accountId: meshAccountId, roleName: reader });
      const held = await catalogPermissionsOf({ client: lakeFormation, roleName: reader, accountId: meshAccountId, retry }, meshAccountId, roleArn(meshAccountId, meshRole));
      if (!held.includes('CREATE_DATABASE') && !held.includes('ALL')) {
        missing.push(`role ${meshRole} of the mesh account ${meshAccountId} may not create databases in the mesh catalog (CREATE_DATABASE); deploy the producer's mesh role stack`);
      }
    } catch (error) {
      missing.push(refusal(error));
    }
  }
  if (queryPrincipals !== undefined) {
    const { iam } = deps.clientsFor({ ...session, accountId: input.accountId, roleName });
    const catalogArn = `arn:aws:glue:${deps.config.region}:${input.accountId}:catalog`;
    for (const arn of queryPrincipals) {
      try {
        missing.push(...queryRoleProblems(await checkQueryRole(iam, arn, catalogArn, { roleName, accountId: input.accountId })));
      } catch (error) {
        missing.push(refusal(error));
      }
    }
  }
  if (missing.length > 0) {
    log.warn({ missing }, 'account not ready');
    throw new AccountNotReadyError(input.accountId, missing);
  }

  const existing = await deps.stores.accounts.get(input.accountId);
  const at = new Date(deps.clock()).toISOString();
  const principals = queryPrincipals ?? existing?.queryPrincipals;
  const samePrincipals = JSON.stringify(principals ?? []) === JSON.stringify(existing?.queryPrincipals ?? []);
  if (existing?.[input.as] === true && existing.crossAccountVersion === crossAccountVersion && samePrincipals) return { account: existing, changed: false };
  const account: MeshAccount = {
    accountId: input.accountId,
    producer: input.as === 'producer' || (existing?.producer ?? false),
    consumer: input.as === 'consumer' || (existing?.consumer ?? false),
    ...(crossAccountVersion !== undefined && { crossAccountVersion }),
    ...(principals !== undefined && { queryPrincipals: principals }),
    enabledBy: existing?.enabledBy ?? ctx.user,
    enabledAt: existing?.enabledAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await deps.stores.accounts.save(account);
  log.info({ producer: account.producer, consumer: account.consumer, queryPrincipals: account.queryPrincipals?.length ?? 0, version: account.version }, 'account enabled');
  return { account, changed: true };
}
