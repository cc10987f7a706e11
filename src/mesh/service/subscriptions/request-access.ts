import * as z from 'zod';
import { AccountIdSchema } from '../../domain/account-id';
import { GlueNameSchema, type DataProduct } from '../../domain/data-product';
import { PermissionSetSchema } from '../../domain/permission';
import type { SlackUser } from '../../domain/slack-user';
import { sameUser } from '../../rules/actor';
import { ColumnFilterSchema, JustificationSchema, type Subscription } from '../../domain/subscription';
import { AccountNotEnabledError, AlreadyExistsError, productNotFound } from '../../errors';
import { idForRequest } from '../../domain/ids';
import { planGrants } from '../../plan/plan-grants';
import { canRequest } from '../../rules/can-request';
import type { MeshDeps } from '../mesh-deps';
import type { RequestContext } from '../request-context';
import { enforce, resolveActor } from '../resolve-actor';
import { operationLogger } from './operation-scope';
import { parseInput } from '../parse-input';
import { checkColumnsInCatalog } from './catalog-columns';
import { maySeeProduct } from '../../rules/may-see-product';
import { checkAgainstProduct, chooseConsumerAccount, chooseQueryPrincipals } from './request-checks';

/**
 * A request for access, e.g. `{ productId: 'telco-111111111111', tables: ['usecase1_cell_kpis'],
 * permissions: ['SELECT'], justification: 'Churn model for Q4' }`.
 */
export const RequestAccessInputSchema = z.object({
  /** The product id, or its mesh database name. */
  productId: z.string().trim().min(1, { error: 'name the product' }).max(255),
  /** Default: the requester's only consumer account. */
  consumerAccountId: AccountIdSchema.optional(),
  /** Default: every table of the product. */
  tables: z.array(GlueNameSchema).min(1, { error: 'name at least one table, or leave tables out for all' }).optional(),
  permissions: PermissionSetSchema,
  justification: JustificationSchema,
  columns: ColumnFilterSchema.optional(),
  /** Which of the consumer account's query roles (names or ARNs) will query; default: all of them. */
  queryPrincipals: z.array(z.string().min(1).max(2048)).min(1).max(20).optional(),
  /**
   * Makes a delivery of the request (a Slack command or submission) recorded once however often it
   * arrives: the subscription id is derived from the key and time, so a replay cannot create a second.
   */
  idempotency: z.object({ key: z.string().min(8).max(8192), atMs: z.number().int().positive() }).optional(),
});

export type RequestAccessInput = z.input<typeof RequestAccessInputSchema>;

/** The recorded request and whom to tell about it. */
export interface RequestAccessResult {
  subscription: Subscription;
  /** The product's owners, who decide (nobody when replayed: they were told the first time). */
  notify: SlackUser[];
  /** True when this delivery repeated one already recorded (same idempotency key): nothing was written. */
  replayed: boolean;
}

const MESH_DATABASE_SUFFIX = /-(\d{12})$/;

/** A product by id, else by mesh database name (`<db>-<producer account>`). */
async function findProduct(deps: MeshDeps, name: string): Promise<DataProduct> {
  const byId = await deps.stores.products.get(name);
  if (byId) return byId;
  const producer = MESH_DATABASE_SUFFIX.exec(name)?.[1];
  let cursor: string | undefined;
  while (producer !== undefined) {
    const page = await deps.stores.products.listForProducer(producer, { limit: 100, ...(cursor !== undefined && { cursor }) });
    const found = page.items.find((p) => p.meshDatabase === name);
    if (found) return found;
    if (page.cursor === undefined) break;
    cursor = page.cursor;
  }
  throw productNotFound(name, ['productId']);
}

/**
 * Record a PENDING request for a consumer account's access to a product's tables. Checks the input,
 * the product's offer, the columns against the mesh catalog, the requester's right to request for the account and that the account is
 * enabled as a consumer; nothing is written unless all pass.
 */
export async function requestAccess(deps: MeshDeps, ctx: RequestContext, input: RequestAccessInput): Promise<RequestAccessResult> {
  const request = parseInput(RequestAccessInputSchema, input);
  const actor = await resolveActor(deps, ctx);
  const product = await findProduct(deps, request.productId);
  const consumerAccountId = chooseConsumerAccount(request.consumerAccountId, actor.identity);
  enforce(canRequest(actor, consumerAccountId), ['consumerAccountId']);
  const { tables, permissions } = checkAgainstProduct(product, request);
  const meshCatalogId = deps.config.meshAccountId;
  // Plan once now so a contradictory request (columns without SELECT…) is refused before it is recorded.
  planGrants({ meshCatalogId, meshDatabase: product.meshDatabase, tables, grantee: consumerAccountId, permissions, grantable: [], ...(request.columns && { columns: request.columns }) });
  // A private product's columns are not told to a requester who may not see its metadata.
  await checkColumnsInCatalog(deps, ctx, product, tables, request.columns, maySeeProduct(actor, product));
  const account = await deps.stores.accounts.get(consumerAccountId);
  if (!account?.consumer) throw new AccountNotEnabledError(consumerAccountId, 'consumer', ['consumerAccountId']);
  const queryPrincipals = chooseQueryPrincipals(request.queryPrincipals, account);

  const at = new Date(deps.clock()).toISOString();
  const subscription: Subscription = {
    id: request.idempotency === undefined ? deps.ids() : idForRequest(request.idempotency.key, request.idempotency.atMs),
    productId: product.id,
    producerAccountId: product.producerAccountId,
    meshCatalogId,
    meshDatabase: product.meshDatabase,
    tables,
    consumerAccountId,
    requester: ctx.user,
    requestedPermissions: permissions,
    grantedPermissions: [],
    grantablePermissions: [],
    ...(request.columns && { columns: request.columns }),
    justification: request.justification,
    plan: [],
    results: {},
    ramShares: [],
    links: [],
    ...(queryPrincipals.length > 0 && { queryPrincipals }),
    status: 'PENDING',
    version: 1,
    createdAt: at,
    updatedAt: at,
    history: [{ at, actor: ctx.user, event: 'request', to: 'PENDING' }],
  };
  try {
    await deps.stores.subscriptions.save(subscription);
  } catch (error) {
    const earlier = error instanceof AlreadyExistsError && request.idempotency !== undefined ? await deps.stores.subscriptions.get(subscription.id) : undefined;
    if (earlier === undefined || !sameUser(earlier.requester, ctx.user)) throw error;
    operationLogger(deps, ctx, earlier.id).warn({ productId: product.id }, 'a repeated delivery of a recorded request: nothing written');
    return { subscription: earlier, notify: [], replayed: true };
  }
  operationLogger(deps, ctx, subscription.id).info({ productId: product.id, consumerAccountId, tables: tables.length }, 'access requested');
  return { subscription, notify: product.owners, replayed: false };
}
