import * as z from 'zod';
import { SubscriptionIdSchema } from '../../domain/subscription';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { GrantChangesSchema } from './grant-decision';
import { operationLogger } from './operation-scope';
import { parseInput } from '../parse-input';
import { prepareDecision } from './prepare-decision';
import type { SubscriptionWithProduct } from './subscription-with-product';

/** Approve a request, as asked or with changes: `{ id, changes: { permissions: ['SELECT'], notes: 'no INSERT' } }`. */
export const ApproveInputSchema = z.object({
  id: SubscriptionIdSchema,
  changes: GrantChangesSchema.optional(),
});

export type ApproveInput = z.input<typeof ApproveInputSchema>;

/**
 * Approve a PENDING request: check the decider, plan the exact grants (columns checked against the
 * mesh catalog; see `prepareDecision`, which the preview shares) and record the decision (→ GRANTING)
 * in one conditional write; of two deciders the loser gets AlreadyDecidedError. The grants themselves
 * are `runGrant`'s job, off the Slack ack path.
 */
export async function approveRequest(deps: MeshDeps, ctx: RequestContext, input: ApproveInput): Promise<SubscriptionWithProduct> {
  const { id, changes = {} } = parseInput(ApproveInputSchema, input);
  const { subscription, product, decision } = await prepareDecision(deps, ctx, { id, changes, kind: 'approve' });
  const approved = await deps.stores.subscriptions.apply(subscription, {
    event: 'approve',
    actor: ctx.user,
    at: new Date(deps.clock()).toISOString(),
    ...(changes.notes !== undefined && { note: changes.notes }),
    patch: {
      plan: decision.plan,
      results: {},
      grantedPermissions: decision.grantedPermissions,
      grantablePermissions: decision.grantablePermissions,
      columns: decision.columns,
      ...(changes.notes !== undefined && { decisionNotes: changes.notes }),
    },
  });
  operationLogger(deps, ctx, id).info({ entries: decision.plan.length }, 'request approved');
  return { subscription: approved, product };
}
