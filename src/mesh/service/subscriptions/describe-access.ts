import * as z from 'zod';
import { glueCatalog } from '../../aws/glue-catalog';
import { SubscriptionIdSchema } from '../../domain/subscription';
import { InvalidInputError } from '../../errors';
import { canUseAccess } from '../../rules/can-use-access';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { queryName } from '../../domain/query-name';
import { queryTargets } from './link-layout';
import { consumerSession, loadSubscription } from './operation-scope';

export const DescribeAccessInputSchema = z.object({ id: SubscriptionIdSchema });

export type DescribeAccessInput = z.input<typeof DescribeAccessInputSchema>;

/** One name the consumer can query, as its catalog shows it through the resource link. */
export interface QueryableTable {
  /** `"<link database>"."<table>"`, as typed in a query (see `queryName`). */
  name: string;
  columns: { name: string; type: string }[];
  partitionKeys: string[];
  location?: string;
}

/**
 * What an ACTIVE subscription gives its consumer, read through its links as the consumer's role in
 * the consumer account (SourceIdentity = the asking user): the names to query and their schemas.
 */
export async function describeAccess(deps: MeshDeps, ctx: RequestContext, rawInput: DescribeAccessInput): Promise<QueryableTable[]> {
  const { id } = parseInput(DescribeAccessInputSchema, rawInput);
  const subscription = await loadSubscription(deps, id);
  enforce(canUseAccess(await resolveActor(deps, ctx), subscription));
  if (subscription.status !== 'ACTIVE') {
    throw new InvalidInputError({
      reason: 'nothing_to_query',
      params: { subscriptionId: id, status: subscription.status },
      message: `subscription ${id} is ${subscription.status}: there is nothing to query`,
      hint: 'wait until it is ACTIVE, or see its history',
    });
  }
  const session = consumerSession(deps, subscription, ctx.user, ctx.requestId);
  const catalog = glueCatalog({ client: session.clients.glue, catalogId: subscription.consumerAccountId, ...session.site, retry: deps.executor });
  const tables: QueryableTable[] = [];
  for (const target of queryTargets(subscription)) {
    const table = await catalog.getTable(target.database, target.table);
    if (!table) continue;
    tables.push({
      name: queryName(target.database, target.table),
      columns: (table.StorageDescriptor?.Columns ?? []).map((c) => ({ name: c.Name ?? '', type: c.Type ?? '' })),
      partitionKeys: (table.PartitionKeys ?? []).map((k) => k.Name ?? ''),
      ...(table.StorageDescriptor?.Location !== undefined && { location: table.StorageDescriptor.Location }),
    });
  }
  return tables;
}
