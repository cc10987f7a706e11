import * as z from 'zod';
import { freeText } from './free-text';
import { AccountIdSchema } from './account-id';
import { EntryResultSchema, GrantEntrySchema } from './grant-entry';
import { PermissionSchema } from './permission';
import { QueryRoleArnSchema } from './query-principal';
import { SlackUserSchema } from './slack-user';
import { SubscriptionEventSchema, SubscriptionStatusSchema } from './subscription-status';
import { ActorSchema } from './actor';
import { AccessDeltaSchema } from './access-delta';
import { ColumnFilterSchema } from './column-filter';

/** Subscription ids are ULIDs: 26 Crockford base-32 characters, sortable by creation time. */
export const SubscriptionIdSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a subscription id` });

// The column filter has its own file so that the access delta (stored on history entries) can use it.
export { ColumnFilterSchema, type ColumnFilter } from './column-filter';

/** One line of a subscription's append-only history. */
export const HistoryEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: ActorSchema,
  event: z.union([SubscriptionEventSchema, z.literal('request')]),
  from: SubscriptionStatusSchema.optional(),
  to: SubscriptionStatusSchema,
  note: z.string().max(4096).optional(),
  /** What the event changed in the access (approve: vs the request, when it differs; modify; revoke). Absent on older records. */
  delta: AccessDeltaSchema.optional(),
});

/** A resource link created for the consumer: `<database>.<table>` is the name to query. */
export const ResourceLinkSchema = z.object({
  catalogId: AccountIdSchema,
  database: z.string(),
  table: z.string().optional(),
  targetCatalogId: AccountIdSchema,
  targetDatabase: z.string(),
  targetTable: z.string().optional(),
});

export const JustificationSchema = freeText().pipe(z.string().min(1, { error: 'a reason is required' }).max(4096, { error: 'the reason is longer than 4,096 characters' }));

/**
 * A subscription: a consumer account's access to tables of one product, from request to revoke.
 * Never deleted; `history` only grows; `version` increases by one on every write.
 */
export const SubscriptionSchema = z.object({
  id: SubscriptionIdSchema,
  productId: z.string(),
  producerAccountId: AccountIdSchema,
  /** The mesh account's catalog, which owns the mesh database. */
  meshCatalogId: AccountIdSchema,
  meshDatabase: z.string(),
  tables: z.array(z.string()).min(1),
  consumerAccountId: AccountIdSchema,
  requester: SlackUserSchema,
  requestedPermissions: z.array(PermissionSchema).min(1),
  grantedPermissions: z.array(PermissionSchema),
  grantablePermissions: z.array(PermissionSchema),
  columns: ColumnFilterSchema.optional(),
  justification: JustificationSchema,
  decisionNotes: z.string().max(4096).optional(),
  decidedBy: SlackUserSchema.optional(),
  decidedAt: z.iso.datetime().optional(),
  /** The exact Lake Formation entries granted (or to grant); revoke replays them. */
  plan: z.array(GrantEntrySchema),
  /** While MODIFYING: the plan being replaced, whose dropped entries the modify revokes. */
  previousPlan: z.array(GrantEntrySchema).optional(),
  /** Last outcome per plan entry id. */
  results: z.record(z.string(), EntryResultSchema),
  ramShares: z.array(z.string()),
  links: z.array(ResourceLinkSchema),
  /** The consumer account's roles that query this subscription's tables (chosen at request; absent: none). */
  queryPrincipals: z.array(QueryRoleArnSchema).optional(),
  /**
   * The entries granted in the consumer account to the query principals (DESCRIBE on the links, the
   * plan's permissions on the targets), as its role granted them; revoke and modify replay them.
   */
  queryPlan: z.array(GrantEntrySchema).optional(),
  status: SubscriptionStatusSchema,
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  history: z.array(HistoryEntrySchema).min(1),
});

export type SubscriptionId = z.infer<typeof SubscriptionIdSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type ResourceLink = z.infer<typeof ResourceLinkSchema>;
export type Subscription = z.infer<typeof SubscriptionSchema>;
