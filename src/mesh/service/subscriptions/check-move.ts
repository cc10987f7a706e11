import * as z from 'zod';
import type { DataProduct } from '../../domain/data-product';
import { applyEvent } from '../../domain/apply-event';
import { SubscriptionIdSchema, type Subscription } from '../../domain/subscription';
import type { Actor } from '../../rules/actor';
import { canCancel } from '../../rules/can-cancel';
import { canDecide } from '../../rules/can-decide';
import { canRevoke } from '../../rules/can-revoke';
import type { Verdict } from '../../rules/verdict';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { parseInput } from '../parse-input';
import { loadProduct, loadSubscription } from './operation-scope';
import type { SubscriptionWithProduct } from './subscription-with-product';

/** The rule each move's operation enforces: approve, deny and modify (`canDecide`), retry and revoke (`canRevoke`), cancel (`canCancel`). */
const MOVE_RULES = {
  approve: canDecide,
  deny: canDecide,
  modify: canDecide,
  retry: canRevoke,
  revoke: canRevoke,
  cancel: (actor: Actor, _product: DataProduct, subscription: Subscription): Verdict => canCancel(actor, subscription),
} as const;

/** Whether the caller may make a move on a subscription now: `{ id, move: 'revoke' }`. */
export const CheckMoveInputSchema = z.object({ id: SubscriptionIdSchema, move: z.enum(Object.keys(MOVE_RULES) as [keyof typeof MOVE_RULES, ...(keyof typeof MOVE_RULES)[]]) });

export type CheckMoveInput = z.input<typeof CheckMoveInputSchema>;

/**
 * Judge a move before asking for it (a button that opens a form, or queues a job): the rule its
 * operation enforces, then the status machine as the store would apply it (a decision on a request no
 * longer pending is AlreadyDecidedError). Throws the refusal the operation would give; records
 * nothing. Resolves with the subscription and its product, to show the form on.
 */
export async function checkMove(deps: MeshDeps, ctx: RequestContext, input: CheckMoveInput): Promise<SubscriptionWithProduct> {
  const { id, move } = parseInput(CheckMoveInputSchema, input);
  const subscription = await loadSubscription(deps, id);
  const product = await loadProduct(deps, subscription.productId);
  enforce(MOVE_RULES[move](await resolveActor(deps, ctx), product, subscription));
  const judged = applyEvent(subscription, { event: move, actor: ctx.user, at: new Date(deps.clock()).toISOString() });
  if (!judged.ok) throw judged.error;
  return { subscription, product };
}
