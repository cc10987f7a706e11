import * as z from 'zod';
import type { DataProduct } from '../../domain/data-product';
import { AccountNotEnabledError, productNotFound } from '../../errors';
import { sameUser } from '../../rules/actor';
import { canPublish } from '../../rules/can-publish';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import { isSystem, type Caller } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { mirrorProduct, type PartitionCounts, type UpdatedTable } from './mirror-product';
import { logFields } from '../log-fields';

/** Which product to sync: `{ productId: 'telco-111111111111' }`. */
export const SyncInputSchema = z.object({ productId: z.string().min(1).max(255) });

export type SyncInput = z.infer<typeof SyncInputSchema>;

/** What a sync changed, for the producer to read. */
export interface SyncReport {
  product: DataProduct;
  /** Tables new in the source that the pattern selects: now in the mesh and linked back. */
  added: string[];
  /** Tables whose definition changed in the source, with what changed. */
  changed: UpdatedTable[];
  unchanged: string[];
  /** Tables of the product that are gone from the source (or no longer match its pattern): left in the mesh, no longer listed in the product. */
  gone: string[];
  linksCreated: string[];
  /** Partitions of the product's mesh tables created, updated and deleted to mirror the source's. */
  partitions: PartitionCounts;
  /** Whether anything changed at all. */
  changedAnything: boolean;
}

/**
 * Re-read the producer catalog for a product's pattern and bring the mesh up to date: new tables are
 * published and linked, changed schemas updated, partitions mirrored (new, changed and dropped); tables gone from the source are reported, never
 * deleted. The product's table list is updated (version + 1, which also records when it was synced).
 * Owners and the account's producers may sync by hand; the scheduled sync runs as the bot itself
 * (a system caller: `meshbot-system` in AWS).
 */
export async function syncProduct(deps: MeshDeps, ctx: Caller, rawInput: SyncInput): Promise<SyncReport> {
  const { productId } = parseInput(SyncInputSchema, rawInput, 'sync');
  const found = await deps.stores.products.get(productId);
  if (!found) throw productNotFound(productId, ['productId']);
  if (!isSystem(ctx) && !found.owners.some((owner) => sameUser(owner, ctx.user))) enforce(canPublish(await resolveActor(deps, ctx), found.producerAccountId));
  const account = await deps.stores.accounts.get(found.producerAccountId);
  if (!account?.producer) throw new AccountNotEnabledError(found.producerAccountId, 'producer');
  const log = deps.logger.child(logFields(ctx, { productId }));

  return deps.locks(`publish/${found.meshDatabase}`, async () => {
    // Re-read under the lock: a publish may have changed the product meanwhile.
    const product = (await deps.stores.products.get(productId)) ?? found;
    const outcome = await mirrorProduct(
      deps,
      ctx,
      {
        producerAccountId: product.producerAccountId,
        sourceDatabase: product.sourceDatabase,
        meshDatabase: product.meshDatabase,
        tablePattern: product.tablePattern,
        knownTables: product.tables,
        publicMetadata: product.publicMetadata,
        withdrawPublic: false,
      },
      log,
    );
    const next: DataProduct = { ...product, tables: outcome.tables, updatedAt: new Date(deps.clock()).toISOString(), version: product.version + 1 };
    await deps.stores.products.save(next);
    const report: SyncReport = {
      product: next,
      added: outcome.created,
      changed: outcome.updated,
      unchanged: outcome.unchanged,
      gone: [...outcome.gone, ...outcome.deselected].sort(),
      linksCreated: outcome.linksCreated,
      partitions: outcome.partitions,
      changedAnything:
        outcome.created.length + outcome.updated.length + outcome.gone.length + outcome.deselected.length + outcome.linksCreated.length + outcome.partitions.added + outcome.partitions.updated + outcome.partitions.dropped > 0,
    };
    if (report.gone.length > 0) log.warn({ gone: report.gone }, 'tables gone from the source are left in the mesh');
    log.info({ added: report.added.length, changed: report.changed.length, gone: report.gone.length }, 'synced');
    return report;
  });
}
