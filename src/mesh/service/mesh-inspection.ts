import type { DataProduct } from '../domain/data-product';
import type { Identity } from '../domain/identity';
import type { SlackUser } from '../domain/slack-user';
import type { Subscription } from '../domain/subscription';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../domain/subscription-status';
import { readAllPages } from '../store/page';
import type { MeshConfig } from './mesh-config';
import type { MeshDeps } from './mesh-deps';
import { meshAdmins } from './accounts/mesh-admins';

/**
 * Read-only views of the mesh's records, for operators and the sandbox (the console, tests): they
 * answer nobody's request, so they check nobody's rights, and the Slack layer never gets them (it goes
 * through the service's operations). Nothing here writes. Lists are read whole: meant for small meshes.
 */
export function createMeshInspection(deps: MeshDeps) {
  const { stores } = deps;
  return {
    /** Every product, newest first. */
    products: (): Promise<DataProduct[]> => readAllPages((page) => stores.products.search('', page)),
    /** The subscriptions in one status, or (without one) in every status. */
    subscriptionsByStatus: async (status?: SubscriptionStatus): Promise<Subscription[]> => {
      // One index query per status: the store has no scan, on purpose.
      const lists = await Promise.all((status === undefined ? SUBSCRIPTION_STATUSES : [status]).map((s) => readAllPages((page) => stores.subscriptions.listByStatus(s, page))));
      return lists.flat();
    },
    /** The personas a Slack user is mapped to, or undefined. */
    identity: (user: SlackUser): Promise<Identity | undefined> => stores.identities.get(user),
    /** The configured mesh admins (members of an admin user group are not listed). */
    meshAdmins: (): MeshConfig['meshAdmins'] => meshAdmins(deps),
  };
}

/** The operators' read-only view of the mesh. */
export type MeshInspection = ReturnType<typeof createMeshInspection>;
