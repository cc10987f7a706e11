import type { DataProduct } from '../domain/data-product';
import { readAllPages } from '../store/page';
import type { MeshDeps } from './mesh-deps';
import { dueForSync } from './products/due-for-sync';
import { syncProduct, type SyncReport } from './products/sync-product';
import type { SystemContext } from './request-context';
import { expirePending, type SweepOutcome } from './subscriptions/expire-pending';
import { resumeInterrupted, type Resumed } from './subscriptions/resume-interrupted';

/** What the scheduled sync runs as: recorded and logged as this task, `meshbot-system` in AWS. */
const SYNC_SWEEP = 'sync-sweep';

/** Every product of the mesh whose scheduled sync is due now (public or not: the scheduler sees them all). */
async function productsDueForSync(deps: MeshDeps): Promise<DataProduct[]> {
  return dueForSync(await readAllPages((page) => deps.stores.products.search('', page)), deps.clock());
}

/**
 * The work the bot does on its own, on a schedule: no Slack user asks for it, so none is borrowed.
 * Each is recorded as the system (`{ system: 'expiry-sweep' }` and the like in a subscription's
 * history) and acts in AWS with SourceIdentity `meshbot-system` (see SYSTEM_SOURCE_IDENTITY).
 */
export function createSystemOperations(deps: MeshDeps) {
  return {
    /** Expire the requests undecided too long (as the `expiry-sweep`); returns them, and those due a reminder. */
    expirePending: (): Promise<SweepOutcome> => expirePending(deps),
    /** Finish the grants, modifies and revokes a killed job left half-way (as the `resume-sweep`). */
    resumeInterrupted: (input: { requestId: string; updatedBeforeMs?: number }): Promise<Resumed[]> => resumeInterrupted(deps, input),
    /** The products whose scheduled sync is due (`syncEveryHours` since their last publish or sync). */
    productsDueForSync: (): Promise<DataProduct[]> => productsDueForSync(deps),
    /** Sync one product with its source catalog (as the `sync-sweep`): see `syncProduct`. */
    syncProduct: (input: { requestId: string; productId: string }): Promise<SyncReport> => {
      const ctx: SystemContext = { system: SYNC_SWEEP, requestId: input.requestId };
      return syncProduct(deps, ctx, { productId: input.productId });
    },
  };
}

/** The bot's own scheduled operations. */
export type SystemOperations = ReturnType<typeof createSystemOperations>;
