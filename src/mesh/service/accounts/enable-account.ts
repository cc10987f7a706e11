import { z } from 'zod';
import { catalogPermissionsOf, readDataLakeSettings } from '../../aws/lake-formation-settings';
import { AccountIdSchema } from '../../domain/account-id';
import { ROLE_NAMES, producerRoleInMesh, roleArn } from '../../domain/account-roles';
import type { MeshAccount } from '../../domain/mesh-account';
import { AccountNotReadyError, AwsRefusedError } from '../../errors';
import { canAdminister } from '../../rules/can-administer';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { missingSettings } from './account-readiness';

/** Enable an account in the mesh as a producer or a consumer: `{ accountId: '111111111111', as: 'producer' }`. */
export const EnableAccountInputSchema = z.object({ accountId: AccountIdSchema, as: z.enum(['producer', 'consumer']) });

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

/**
 * Enable an account as producer or consumer (mesh admins only), after checking through its Meshbot
 * role that its Lake Formation settings allow the mesh to work; AccountNotReadyError lists exactly
 * what is missing, and nothing is recorded then. Enabling again as the other role adds it (version + 1).
 */
export async function enableAccount(deps: MeshDeps, ctx: RequestContext, rawInput: EnableAccountInput): Promise<EnableAccountResult> {
  const input = parseInput(EnableAccountInputSchema, rawInput, 'enable');
  enforce(canAdminister(await resolveActor(deps, ctx)));
  const log = deps.logger.child({ requestId: ctx.requestId, user: ctx.user.userId, accountId: input.accountId });
  const session = { actor: ctx.user.userId, requestId: ctx.requestId };
  const retry = deps.executor ?? {};
  const roleName = input.as === 'producer' ? ROLE_NAMES.producer : ROLE_NAMES.consumer;

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
  if (missing.length > 0) {
    log.warn({ missing }, 'account not ready');
    throw new AccountNotReadyError(input.accountId, missing);
  }

  const existing = await deps.stores.accounts.get(input.accountId);
  const at = new Date(deps.clock()).toISOString();
  if (existing?.[input.as] === true && existing.crossAccountVersion === crossAccountVersion) return { account: existing, changed: false };
  const account: MeshAccount = {
    accountId: input.accountId,
    producer: input.as === 'producer' || (existing?.producer ?? false),
    consumer: input.as === 'consumer' || (existing?.consumer ?? false),
    ...(crossAccountVersion !== undefined && { crossAccountVersion }),
    enabledBy: existing?.enabledBy ?? ctx.user,
    enabledAt: existing?.enabledAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await deps.stores.accounts.save(account);
  log.info({ producer: account.producer, consumer: account.consumer, version: account.version }, 'account enabled');
  return { account, changed: true };
}
