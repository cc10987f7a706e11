import type { GrantEntry } from '../../domain/grant-entry';
import type { Subscription } from '../../domain/subscription';
import { AwsRefusedError } from '../../errors';
import { executeEntries } from '../../execute/grant-executor';
import { executorFor } from '../executor-for';
import type { MeshDeps } from '../mesh-deps';
import { failedResults, failureNote } from './entry-results';
import type { Session } from './operation-scope';

/**
 * The query-role grants other subscriptions of the same consumer account still rely on, which a revoke
 * or modify must leave: those of ACTIVE, GRANTING and MODIFYING ones, and of FAILED ones (which may
 * hold them from an earlier import), as `plansStillHeld` does for the mesh's grants.
 */
export function queryPlansStillHeld(others: readonly Subscription[]): GrantEntry[][] {
  const holding = new Set(['ACTIVE', 'GRANTING', 'MODIFYING', 'FAILED']);
  return others.filter((o) => holding.has(o.status)).map((o) => o.queryPlan ?? []);
}

/**
 * Grant or revoke entries in the consumer account as its Meshbot role (`consumer`): the query roles'
 * (and, at import, DESCRIBE on the links for the role itself); a refused entry throws AwsRefusedError
 * saying what is unfinished, so the caller's retry path redoes it (granting or revoking again is
 * harmless). `whose` names the grantees in that message.
 */
export async function changeQueryGrants(
  deps: MeshDeps,
  consumer: Session,
  subscription: Subscription,
  operation: 'grant' | 'revoke',
  entries: readonly GrantEntry[],
  whose = `the query roles of account ${subscription.consumerAccountId}`,
): Promise<void> {
  if (entries.length === 0) return;
  const results = await executeEntries(operation, [...entries], executorFor(deps, consumer.clients.lakeFormation, subscription.consumerAccountId));
  const failed = failedResults(results);
  if (failed.length === 0) return;
  const verb = operation === 'grant' ? 'grant to' : 'revoke from';
  throw new AwsRefusedError(
    failed[0]?.errorCode ?? 'UnknownError',
    `AWS refused to ${verb} ${whose} (as ${consumer.site.roleName} in ${subscription.consumerAccountId}): ${failureNote(results, entries.length)}`,
    'retry the subscription',
  );
}
