import * as z from 'zod';
import { SubscriptionIdSchema } from '../../domain/subscription';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import type { RequestContext } from '../request-context';
import { GrantChangesSchema } from './grant-decision';
import { prepareDecision, type PreparedDecision } from './prepare-decision';

/** Which decision to preview: `{ id, kind: 'approve', changes: { permissions: ['SELECT'], columns: null } }`. */
export const PreviewDecisionInputSchema = z.object({
  id: SubscriptionIdSchema,
  kind: z.enum(['approve', 'modify']),
  changes: GrantChangesSchema.optional(),
  /** The version last shown; a subscription changed since is refused (a confirmation must see what it confirms). */
  expectedVersion: z.number().int().positive().optional(),
});

export type PreviewDecisionInput = z.input<typeof PreviewDecisionInputSchema>;

/**
 * What approving (or modifying) with these changes would grant: the exact plan, computed and checked
 * by the very code the decision runs (`prepareDecision`), so what a decider is shown is what is
 * granted; refused, as the decision would be, when it could not be made. Writes nothing.
 */
export async function previewDecision(deps: MeshDeps, ctx: RequestContext, input: PreviewDecisionInput): Promise<PreparedDecision> {
  const { id, kind, changes = {}, expectedVersion } = parseInput(PreviewDecisionInputSchema, input);
  return prepareDecision(deps, ctx, { id, changes, kind, expectedVersion });
}
