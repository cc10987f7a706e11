import * as z from 'zod';
import { freeText } from '../../domain/free-text';
import { AccountIdSchema } from '../../domain/account-id';
import { defaultMeshDatabase, GlueNameSchema, type DataProduct, type ProductChange, type ProductEvent } from '../../domain/data-product';
import { publishImpact } from '../../domain/publish-impact';
import type { Actor } from '../../rules/actor';
import { readAllPages } from '../../store/page';
import { isFinal } from '../../domain/subscription-transition';
import { publishTarget } from './publish-target';
import { sourceSelection } from './source-selection';
import { productChanges } from '../../domain/product-changes';
import { PermissionSetSchema } from '../../domain/permission';
import { SlackUserSchema, type SlackUser } from '../../domain/slack-user';
import { AccountNotEnabledError, InvalidInputError } from '../../errors';
import { canChangeProduct } from '../../rules/can-change-product';
import { canPublish } from '../../rules/can-publish';
import type { MeshDeps } from '../mesh-deps';
import { parseInput } from '../parse-input';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { mirrorProduct, type MirrorOutcome } from './mirror-product';
import { logFields } from '../log-fields';

/**
 * What a producer publishes, e.g. `{ producerAccountId: '111111111111', sourceDatabase: 'telco',
 * tablePattern: 'usecase*' }`; everything else has a default (see each field).
 */
export const PublishInputSchema = z.object({
  producerAccountId: AccountIdSchema,
  sourceDatabase: GlueNameSchema,
  /** A table name, a `*` glob or a `/regex/`; absent: every table (on a re-publish: the product's pattern). */
  tablePattern: z.string().min(1).max(255).optional(),
  /** Default `<sourceDatabase>-<producerAccountId>`; also the product id. */
  meshDatabase: GlueNameSchema.optional(),
  /** Default: the mesh database name. */
  name: freeText().pipe(z.string().min(1).max(200)).optional(),
  domain: freeText().pipe(z.string().max(100)).optional(),
  description: freeText().pipe(z.string().max(4096)).optional(),
  /** Default: the publisher (on a re-publish: the product's owners). */
  owners: z.array(SlackUserSchema).min(1).optional(),
  /** Default SELECT and DESCRIBE. */
  offeredPermissions: PermissionSetSchema.optional(),
  /** Default true: the mesh read-only role may DESCRIBE the product. */
  publicMetadata: z.boolean().optional(),
  /** Default `config.defaultSyncEveryHours`; 0 disables the scheduled sync. */
  syncEveryHours: z.number().int().min(0).max(168).optional(),
  /**
   * The effect its publisher confirmed (a PublishImpact's version and fingerprint): a publish that
   * changes the tables, name or owners of a product with live subscriptions applies only with it.
   */
  confirmed: z.object({ version: z.number().int().min(1), fingerprint: z.string().min(1).max(64) }).optional(),
});

export type PublishInput = z.infer<typeof PublishInputSchema>;

/** What a publish returns: the product as saved, what happened to its tables, and what it changed. */
export interface PublishResult {
  /** `published`: a new product; `updated`: a new version; `unchanged`: nothing changed, nothing saved. */
  outcome: 'published' | 'updated' | 'unchanged';
  product: DataProduct;
  summary: MirrorOutcome;
  /** Settings of a published product this publish changed (empty on a first publish or a plain sync). */
  changes: ProductChange[];
  /** The owners before, when this publish changed them: they are told. */
  previousOwners?: SlackUser[];
}

/** The product as it is after this publish: new, or the stored one with what its owner changed (`changes`), recorded in its history. */
function nextProduct(
  input: PublishInput,
  ctx: RequestContext,
  target: { productId: string; meshDatabase: string; existing: DataProduct | undefined },
  changes: ProductChange[],
  tables: string[],
  tablePattern: string | undefined,
  at: string,
  defaultSync: number,
): DataProduct {
  const { existing, meshDatabase } = target;
  const event: ProductEvent[] = existing === undefined ? [{ at, actor: ctx.user, event: 'published', changes: [] }] : changes.length > 0 ? [{ at, actor: ctx.user, event: 'changed', changes }] : [];
  return {
    id: target.productId,
    name: input.name ?? existing?.name ?? meshDatabase,
    producerAccountId: input.producerAccountId,
    sourceDatabase: input.sourceDatabase,
    meshDatabase,
    ...(tablePattern !== undefined && { tablePattern }),
    tables,
    ...((input.domain ?? existing?.domain) !== undefined && { domain: input.domain ?? existing?.domain }),
    ...((input.description ?? existing?.description) !== undefined && { description: input.description ?? existing?.description }),
    owners: input.owners ?? existing?.owners ?? [ctx.user],
    offeredPermissions: input.offeredPermissions ?? existing?.offeredPermissions ?? ['SELECT', 'DESCRIBE'],
    publicMetadata: input.publicMetadata ?? existing?.publicMetadata ?? true,
    syncEveryHours: input.syncEveryHours ?? existing?.syncEveryHours ?? defaultSync,
    publishedBy: existing?.publishedBy ?? ctx.user,
    publishedAt: existing?.publishedAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
    history: [...(existing?.history ?? []), ...event],
  };
}

/** A publish checked before anything in AWS is read: who, for which product, changing which settings. */
interface CheckedPublish {
  input: PublishInput;
  actor: Actor;
  meshDatabase: string;
  productId: string;
  existing: DataProduct | undefined;
  changes: ProductChange[];
}

/** Refuse a mesh database that holds another source's tables. */
function checkMeshDatabase(meshDatabase: string, held: DataProduct | undefined, input: PublishInput): void {
  if (held && (held.producerAccountId !== input.producerAccountId || held.sourceDatabase !== input.sourceDatabase || held.meshDatabase !== meshDatabase)) {
    throw new InvalidInputError({
      reason: 'mesh_database_taken',
      params: { meshDatabase, productId: held.id, sourceDatabase: held.sourceDatabase, producerAccountId: held.producerAccountId },
      path: ['meshDatabase'],
      message: `mesh database ${meshDatabase} already holds product ${held.id}, published from ${held.sourceDatabase} of account ${held.producerAccountId}`,
      hint: 'choose another mesh database name (`meshDatabase`)',
    });
  }
}

/** Everything a publish checks from the mesh's own records: the input, the publisher's right, the account, the product and who may change it. */
async function checkedPublish(deps: MeshDeps, ctx: RequestContext, rawInput: PublishInput): Promise<CheckedPublish> {
  const input = parseInput(PublishInputSchema, rawInput, 'publish');
  const actor = await resolveActor(deps, ctx);
  enforce(canPublish(actor, input.producerAccountId), ['producerAccountId']);
  const account = await deps.stores.accounts.get(input.producerAccountId);
  if (!account?.producer) throw new AccountNotEnabledError(input.producerAccountId, 'producer', ['producerAccountId']);
  const meshDatabase = input.meshDatabase ?? defaultMeshDatabase(input.sourceDatabase, input.producerAccountId);
  const { productId, existing, first } = await publishTarget(deps, meshDatabase, input.name);
  checkMeshDatabase(meshDatabase, first, input);
  checkMeshDatabase(meshDatabase, existing, input);
  // Changing a published product's settings is its owners' decision, checked before anything is touched.
  const changes = existing === undefined ? [] : productChanges(existing, input);
  if (existing !== undefined && changes.length > 0) enforce(canChangeProduct(actor, existing, changes.map((c) => c.setting)));
  return { input, actor, meshDatabase, productId, existing, changes };
}

/**
 * Check a publish, changing nothing: the input, the publisher's right to publish for the account and
 * to change the product's settings, and that the source database exists and the pattern selects
 * tables in it (read as the producer's role). Lets the bot refuse at once what the publish itself
 * would refuse, before it promises anything.
 */
export async function checkPublish(deps: MeshDeps, ctx: RequestContext, rawInput: PublishInput): Promise<{ productId: string; republish: boolean; tables: string[] }> {
  const { input, existing, productId } = await checkedPublish(deps, ctx, rawInput);
  const tables = await sourceSelection(deps, ctx, { producerAccountId: input.producerAccountId, sourceDatabase: input.sourceDatabase, tablePattern: input.tablePattern ?? existing?.tablePattern });
  return { productId, republish: existing !== undefined, tables };
}

/**
 * A publish that would change the tables, name or owners of a product with live subscriptions applies
 * only once its publisher confirmed that very effect: else it is refused with the effect to confirm
 * (`publish_needs_confirmation`), or as stale when what was confirmed is no longer what would happen.
 */
async function requireConfirmation(deps: MeshDeps, ctx: RequestContext, checked: CheckedPublish, tablePattern: string | undefined): Promise<void> {
  const { existing, input } = checked;
  const { confirmed } = input;
  if (existing === undefined) return;
  if (confirmed !== undefined && confirmed.version !== existing.version) {
    throw new InvalidInputError({
      reason: 'publish_confirmation_stale',
      params: { productId: existing.id },
      message: `product ${existing.id} is at version ${existing.version}, not the version ${confirmed.version} that was confirmed`,
      hint: 'publish again to see its effect now',
    });
  }
  const subscriptions = await readAllPages((page) => deps.stores.subscriptions.listForProduct(existing.id, page));
  if (subscriptions.every((s) => isFinal(s.status))) return;
  const tables = await sourceSelection(deps, ctx, { producerAccountId: input.producerAccountId, sourceDatabase: input.sourceDatabase, tablePattern });
  const impact = publishImpact(
    existing,
    { name: input.name ?? existing.name, owners: input.owners ?? existing.owners, tables, patternChanged: tablePattern !== existing.tablePattern },
    subscriptions,
  );
  if (impact === undefined) return;
  if (confirmed === undefined) {
    throw new InvalidInputError({
      reason: 'publish_needs_confirmation',
      params: { impact },
      message: `publishing would change product ${existing.id}, which has ${impact.subscriptions.length} live subscriptions`,
      hint: 'confirm the effect on each subscription to publish anyway',
    });
  }
  if (confirmed.fingerprint !== impact.fingerprint) {
    throw new InvalidInputError({
      reason: 'publish_confirmation_stale',
      params: { productId: existing.id },
      message: `the effect of publishing product ${existing.id} changed since it was confirmed`,
      hint: 'publish again to see its effect now',
    });
  }
}

/** Whether a publish of an existing product changed nothing at all: then no version and no history line are added. */
function changedNothing(existing: DataProduct, changes: readonly ProductChange[], summary: MirrorOutcome): boolean {
  const { partitions } = summary;
  return (
    changes.length === 0 &&
    !summary.databaseCreated &&
    summary.created.length + summary.updated.length + summary.gone.length + summary.deselected.length + summary.linksCreated.length + summary.locationsRegistered.length === 0 &&
    partitions.added + partitions.updated + partitions.dropped === 0 &&
    [...summary.tables].sort().join(' ') === [...existing.tables].sort().join(' ')
  );
}

/**
 * Publish (or re-publish) a producer's tables as a data product: mirror them into the mesh catalog,
 * link them back into the producer's database, and save the product (version 1, or n+1). Idempotent:
 * publishing again creates nothing that exists, brings schema changes and new tables over, and saves
 * no new version when nothing changed. A change of the tables, name or owners of a product with live
 * subscriptions waits for `confirmed` (see requireConfirmation).
 * @example await publishProduct(deps, ctx, { producerAccountId: '111111111111', sourceDatabase: 'telco', tablePattern: 'usecase*' })
 */
export async function publishProduct(deps: MeshDeps, ctx: RequestContext, rawInput: PublishInput): Promise<PublishResult> {
  const first = await checkedPublish(deps, ctx, rawInput);
  const { meshDatabase, productId } = first;
  const log = deps.logger.child(logFields(ctx, { productId }));

  // One publish of a mesh database at a time in this process; the versioned save settles races between processes.
  return deps.locks(`publish/${meshDatabase}`, async () => {
    // Again under the lock: another publish may have changed the product meanwhile.
    const checked = await checkedPublish(deps, ctx, rawInput);
    const { input, existing, changes } = checked;
    const tablePattern = input.tablePattern ?? existing?.tablePattern;
    await requireConfirmation(deps, ctx, checked, tablePattern);
    const publicMetadata = input.publicMetadata ?? existing?.publicMetadata ?? true;
    log.info({ tablePattern, republish: existing !== undefined }, 'publishing');
    const summary = await mirrorProduct(
      deps,
      ctx,
      {
        producerAccountId: input.producerAccountId,
        sourceDatabase: input.sourceDatabase,
        meshDatabase,
        tablePattern,
        knownTables: existing?.tables ?? [],
        publicMetadata,
        withdrawPublic: !publicMetadata && existing?.publicMetadata === true,
      },
      log,
    );
    if (existing !== undefined && changedNothing(existing, changes, summary)) {
      log.info({ version: existing.version }, 'published: nothing changed');
      return { outcome: 'unchanged', product: existing, summary, changes: [] };
    }
    const at = new Date(deps.clock()).toISOString();
    const product = nextProduct(input, ctx, { productId, meshDatabase, existing }, changes, summary.tables, tablePattern, at, deps.config.defaultSyncEveryHours);
    await deps.stores.products.save(product);
    log.info({ version: product.version, tables: product.tables.length, changed: changes.map((c) => c.setting) }, 'published');
    const ownersChanged = changes.some((c) => c.setting === 'owners');
    return { outcome: existing === undefined ? 'published' : 'updated', product, summary, changes, ...(ownersChanged && existing !== undefined && { previousOwners: existing.owners }) };
  });
}
