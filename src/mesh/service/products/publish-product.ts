import * as z from 'zod';
import { freeText } from '../../domain/free-text';
import { AccountIdSchema } from '../../domain/account-id';
import { defaultMeshDatabase, GlueNameSchema, type DataProduct, type ProductChange, type ProductEvent } from '../../domain/data-product';
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
});

export type PublishInput = z.infer<typeof PublishInputSchema>;

/** What a publish returns: the product as saved, what happened to its tables, and what it changed. */
export interface PublishResult {
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
  existing: DataProduct | undefined,
  changes: ProductChange[],
  meshDatabase: string,
  tables: string[],
  tablePattern: string | undefined,
  at: string,
  defaultSync: number,
): DataProduct {
  const event: ProductEvent[] = existing === undefined ? [{ at, actor: ctx.user, event: 'published', changes: [] }] : changes.length > 0 ? [{ at, actor: ctx.user, event: 'changed', changes }] : [];
  return {
    id: meshDatabase,
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

/**
 * Publish (or re-publish) a producer's tables as a data product: mirror them into the mesh catalog,
 * link them back into the producer's database, and save the product (version 1, or n+1). Idempotent:
 * publishing again creates nothing that exists and brings schema changes and new tables over.
 * @example await publishProduct(deps, ctx, { producerAccountId: '111111111111', sourceDatabase: 'telco', tablePattern: 'usecase*' })
 */
export async function publishProduct(deps: MeshDeps, ctx: RequestContext, rawInput: PublishInput): Promise<PublishResult> {
  const input = parseInput(PublishInputSchema, rawInput, 'publish');
  const actor = await resolveActor(deps, ctx);
  enforce(canPublish(actor, input.producerAccountId), ['producerAccountId']);
  const account = await deps.stores.accounts.get(input.producerAccountId);
  if (!account?.producer) throw new AccountNotEnabledError(input.producerAccountId, 'producer', ['producerAccountId']);
  const meshDatabase = input.meshDatabase ?? defaultMeshDatabase(input.sourceDatabase, input.producerAccountId);
  const log = deps.logger.child(logFields(ctx, { productId: meshDatabase }));

  // One publish of a product at a time in this process; the versioned save settles races between processes.
  return deps.locks(`publish/${meshDatabase}`, async () => {
    const existing = await deps.stores.products.get(meshDatabase);
    if (existing && (existing.producerAccountId !== input.producerAccountId || existing.sourceDatabase !== input.sourceDatabase)) {
      throw new InvalidInputError({
        reason: 'mesh_database_taken',
        params: { meshDatabase, productId: existing.id, sourceDatabase: existing.sourceDatabase, producerAccountId: existing.producerAccountId },
        path: ['meshDatabase'],
        message: `mesh database ${meshDatabase} already holds product ${existing.id}, published from ${existing.sourceDatabase} of account ${existing.producerAccountId}`,
        hint: 'choose another mesh database name (`meshDatabase`)',
      });
    }
    // Changing a published product's settings is its owners' decision, checked before anything is touched.
    const changes = existing === undefined ? [] : productChanges(existing, input);
    if (existing !== undefined && changes.length > 0) enforce(canChangeProduct(actor, existing, changes.map((c) => c.setting)));
    const tablePattern = input.tablePattern ?? existing?.tablePattern;
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
    const at = new Date(deps.clock()).toISOString();
    const product = nextProduct(input, ctx, existing, changes, meshDatabase, summary.tables, tablePattern, at, deps.config.defaultSyncEveryHours);
    await deps.stores.products.save(product);
    log.info({ version: product.version, tables: product.tables.length, changed: changes.map((c) => c.setting) }, 'published');
    const ownersChanged = changes.some((c) => c.setting === 'owners');
    return { product, summary, changes, ...(ownersChanged && existing !== undefined && { previousOwners: existing.owners }) };
  });
}
