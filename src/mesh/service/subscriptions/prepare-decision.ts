import type { DataProduct } from '../../domain/data-product';
import type { Subscription } from '../../domain/subscription';
import { StaleWriteError } from '../../errors';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { checkColumnsInCatalog } from './catalog-columns';
import { checkMove } from './check-move';
import { decideGrant, modifiablePermissions, type GrantChanges, type GrantDecision } from './grant-decision';

/** Which decision: approving a PENDING request, or modifying an ACTIVE subscription. */
export type DecisionKind = 'approve' | 'modify';

/** A decision checked in full, with what it was judged on. */
export interface PreparedDecision {
  subscription: Subscription;
  product: DataProduct;
  decision: GrantDecision;
}

/**
 * Everything approve, modify and their preview share, so what is previewed is what is granted: load
 * the subscription and its product, check the decider and that the move is legal now (`checkMove`),
 * plan the grant (`decideGrant`, bounded by the request when approving, by the product's offer when
 * modifying) and check its columns against the mesh catalog; with `expectedVersion`, refuse a
 * subscription changed since that version (a stale confirmation). Writes nothing.
 */
export async function prepareDecision(
  deps: MeshDeps,
  ctx: RequestContext,
  input: { id: string; changes: GrantChanges; kind: DecisionKind; expectedVersion?: number | undefined },
): Promise<PreparedDecision> {
  const { id, changes, kind, expectedVersion } = input;
  // The decider's right and the verdict the write would give (already decided, or not a legal move), before any planning.
  const { subscription, product } = await checkMove(deps, ctx, { id, move: kind });
  // A confirmation of a preview of another state: what was confirmed is not what would be done.
  if (expectedVersion !== undefined && subscription.version !== expectedVersion) throw new StaleWriteError(`subscription ${id}`, expectedVersion, subscription);
  const decision = decideGrant(
    subscription,
    changes,
    kind === 'approve'
      ? { permissions: subscription.requestedPermissions, by: 'request' }
      : { permissions: modifiablePermissions(product, subscription), by: 'offer', productId: product.id },
  );
  // Deciders are owners or admins, who may see the product.
  await checkColumnsInCatalog(deps, ctx, product, subscription.tables, decision.columns, true);
  return { subscription, product, decision };
}
