import { z } from 'zod';
import { SubscriptionIdSchema, type Subscription } from '../../domain/subscription';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { loadSubscription } from './operation-scope';
import { parseInput } from '../parse-input';

/** One subscription by id: `{ id }`. */
export const GetSubscriptionInputSchema = z.object({ id: SubscriptionIdSchema });

export type GetSubscriptionInput = z.input<typeof GetSubscriptionInputSchema>;

/** A subscription with its whole history (NotFoundError if there is none); anyone may look. */
export async function getSubscription(deps: MeshDeps, _ctx: RequestContext, input: GetSubscriptionInput): Promise<Subscription> {
  return loadSubscription(deps, parseInput(GetSubscriptionInputSchema, input).id);
}
