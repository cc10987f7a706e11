import type { Logger } from 'pino';
import type { AccountClients } from '../aws/aws-clients';
import type { RoleSessionRequest } from '../aws/role-sessions';
import type { IdGenerator } from '../domain/ids';
import type { SlackUser } from '../domain/slack-user';
import type { ExecutorDeps } from '../execute/grant-executor';
import type { KeyedLock } from '../execute/keyed-lock';
import type { AccountStore } from '../store/account-store';
import type { IdentityStore } from '../store/identity-store';
import type { ProductStore } from '../store/product-store';
import type { SubscriptionStore } from '../store/subscription-store';
import type { MeshConfig } from './mesh-config';

/** Everything the mesh service's operations use, passed in so tests build it from real local servers. */
export interface MeshDeps {
  config: MeshConfig;
  /** SDK clients acting in a Meshbot role of an account, for one Slack user and request. */
  clientsFor: (as: RoleSessionRequest) => AccountClients;
  stores: {
    subscriptions: SubscriptionStore;
    products: ProductStore;
    identities: IdentityStore;
    accounts: AccountStore;
  };
  /** Epoch milliseconds. */
  clock: () => number;
  ids: IdGenerator;
  logger: Logger;
  /** One grant execution at a time per (grantor catalog, grantee account). */
  locks: KeyedLock;
  /** Admins beyond the configured ones (e.g. members of a Slack user group), asked when the list does not name the user. */
  isMeshAdmin?: (user: SlackUser) => Promise<boolean>;
  /** Retry policy, sleep and randomness of the grant executor (tests make them fast and fixed). */
  executor?: Omit<ExecutorDeps, 'permissions' | 'now'>;
}
