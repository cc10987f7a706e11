import { ensureLinks, linkDescribeEntries } from '../../aws/consumer-links';
import { glueCatalog } from '../../aws/glue-catalog';
import { ramInvitations } from '../../aws/ram-invitations';
import { ROLE_NAMES, roleArn } from '../../domain/account-roles';
import type { Actor } from '../../domain/actor';
import type { ResourceLink, Subscription } from '../../domain/subscription';
import type { GrantEntry } from '../../domain/grant-entry';
import { planQueryGrants } from '../../plan/plan-query-grants';
import { sharedResourceArns } from '../../plan/shared-resource-arns';
import { awaitShare } from '../await-share';
import type { MeshDeps } from '../mesh-deps';
import { linkLayout } from './link-layout';
import { consumerSession, meshSession } from './operation-scope';
import { changeQueryGrants } from './query-grants';

/** What the consumer side got: the RAM shares it accepted (or had accepted), its resource links, and what its query roles were granted. */
export interface Imported {
  ramShares: string[];
  links: ResourceLink[];
  queryPlan: GrantEntry[];
}

/**
 * Make granted tables usable in the consumer account: wait for the mesh account's share with it to
 * list every granted resource (as the producer's role in the mesh, for `grantor`), then as the
 * consumer's role for the requester (for the bot itself when `grantor` is the bot) accept exactly
 * that share's pending invitation, create (or reuse) the resource links, grant DESCRIBE on them to
 * the consumer role, and grant the subscription's query roles what they need to query (see
 * `planQueryGrants`). Every step is idempotent, so a crashed import is redone; a share RAM has not
 * delivered yet throws ShareNotReadyError.
 */
export async function importOnConsumer(deps: MeshDeps, subscription: Subscription, grantor: Actor, requestId: string): Promise<Imported> {
  const mesh = meshSession(deps, subscription, grantor, requestId);
  // The bot's own work (a resumed grant) acts as itself on both sides; a person's, for the requester here.
  const consumer = consumerSession(deps, subscription, 'system' in grantor ? grantor : subscription.requester, requestId);
  const { shareArns: ramShares } = await awaitShare(deps, {
    owner: { accountId: subscription.meshCatalogId, ram: ramInvitations({ client: mesh.clients.ram, ...mesh.site, retry: deps.executor }) },
    receiver: { accountId: subscription.consumerAccountId, ram: ramInvitations({ client: consumer.clients.ram, ...consumer.site, retry: deps.executor }) },
    resourceArns: sharedResourceArns(subscription.plan, deps.config.region),
  });
  const product = await deps.stores.products.get(subscription.productId);
  const catalog = glueCatalog({ client: consumer.clients.glue, catalogId: subscription.consumerAccountId, ...consumer.site, retry: deps.executor });
  const links = await ensureLinks(catalog, linkLayout(subscription, product?.tables ?? []));
  const queryPlan = planQueryGrants({ plan: subscription.plan, links, principals: subscription.queryPrincipals ?? [] });
  const entries = [...linkDescribeEntries(roleArn(subscription.consumerAccountId, ROLE_NAMES.consumer), links), ...queryPlan];
  await changeQueryGrants(deps, consumer, subscription, 'grant', entries, `${consumer.site.roleName} and the query roles (DESCRIBE on the links, the granted permissions on the tables)`);
  return { ramShares, links, queryPlan };
}
