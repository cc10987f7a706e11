import type { Logger } from 'pino';
import type { AccountClients } from '../../aws/aws-clients';
import { ROLE_NAMES, producerRoleInMesh } from '../../domain/account-roles';
import type { DataProduct } from '../../domain/data-product';
import type { SlackUser } from '../../domain/slack-user';
import type { Actor } from '../../domain/actor';
import type { Subscription } from '../../domain/subscription';
import { sourceIdentityOf } from '../../domain/system-actor';
import { productNotFound, subscriptionNotFound } from '../../errors';
import { readAllPages } from '../../store/page';
import type { MeshDeps } from '../mesh-deps';
import type { Caller } from '../request-context';
import { logFields } from '../log-fields';

/** The logger of one operation on one subscription. */
export function operationLogger(deps: MeshDeps, ctx: Caller, subscriptionId?: string): Logger {
  return deps.logger.child(logFields(ctx, subscriptionId === undefined ? {} : { subscriptionId }));
}

/** A subscription by id, or NotFoundError. */
export async function loadSubscription(deps: MeshDeps, id: string): Promise<Subscription> {
  const subscription = await deps.stores.subscriptions.get(id);
  if (!subscription) throw subscriptionNotFound(id, ['id']);
  return subscription;
}

/** The product a subscription is to, or NotFoundError. */
export async function loadProduct(deps: MeshDeps, productId: string): Promise<DataProduct> {
  const product = await deps.stores.products.get(productId);
  if (!product) throw productNotFound(productId);
  return product;
}

/** Every subscription of a consumer account (all pages of the by-consumer index). */
export function subscriptionsOfConsumer(deps: MeshDeps, consumerAccountId: string): Promise<Subscription[]> {
  return readAllPages((page) => deps.stores.subscriptions.listForConsumer(consumerAccountId, page));
}

/** A role session: its clients and where it acts (for error messages). */
export interface Session {
  clients: AccountClients;
  site: { roleName: string; accountId: string };
}

/** The producer's role in the mesh account, acting for `actor` (a person, or the bot itself): grants and revokes on the producer's mesh databases. */
export function meshSession(deps: MeshDeps, subscription: Subscription, actor: Actor, requestId: string): Session {
  const site = { roleName: producerRoleInMesh(subscription.producerAccountId), accountId: subscription.meshCatalogId };
  return { site, clients: deps.clientsFor({ ...site, actor: sourceIdentityOf(actor), requestId }) };
}

/** The consumer's role in the consumer account, acting for `actor` (a person, or the bot itself): accepts shares, creates and deletes links. */
export function consumerSession(deps: MeshDeps, subscription: Subscription, actor: Actor, requestId: string): Session {
  const site = { roleName: ROLE_NAMES.consumer, accountId: subscription.consumerAccountId };
  return { site, clients: deps.clientsFor({ ...site, actor: sourceIdentityOf(actor), requestId }) };
}

/** The user who last moved the subscription with `event` (e.g. who revoked it), if a user did. */
export function lastActorOf(subscription: Subscription, event: string): SlackUser | undefined {
  const entry = subscription.history.findLast((h) => h.event === event && 'userId' in h.actor);
  return entry && 'userId' in entry.actor ? entry.actor : undefined;
}
