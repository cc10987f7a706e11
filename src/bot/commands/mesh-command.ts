import * as z from 'zod';
import { AccountIdSchema } from '../../mesh/domain/account-id';
import { DataProductSchema, GlueNameSchema } from '../../mesh/domain/data-product';
import { PersonaKindSchema } from '../../mesh/domain/identity';
import { PermissionSetSchema } from '../../mesh/domain/permission';
import { SlackUserSchema } from '../../mesh/domain/slack-user';
import { JustificationSchema, SubscriptionIdSchema } from '../../mesh/domain/subscription';
import { SubscriptionStatusSchema } from '../../mesh/domain/subscription-status';
import { HELP_TOPICS } from './command-specs';

// Free text in these commands (reason, description, query) is plain text, entities decoded:
// whoever shows it in Slack escapes it.

const UserIdSchema = SlackUserSchema.shape.userId;
const ProductIdSchema = DataProductSchema.shape.id;

/** The roles an admin can give in an account; `admin` itself is not given by command. */
export const MappablePersonaSchema = PersonaKindSchema.extract(['producer', 'consumer']);

export const HelpTopicSchema = z.enum(HELP_TOPICS);

/** What `publish` selects: a table name, a `*` glob (`usecase*`) or a `/regex/`, as typed. */
export const TablePatternSchema = z.string().min(1).max(255);

/** The tables of a request: some by name, or all of the product's. */
export const RequestedTablesSchema = z.union([z.literal('all'), z.array(GlueNameSchema).min(1)]);

/** Which subscriptions to list: `{ by: 'status', status: 'ACTIVE' }`. */
export const SubscriptionsFilterSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('all') }),
  z.object({ by: z.literal('mine') }),
  z.object({ by: z.literal('product'), product: ProductIdSchema }),
  z.object({ by: z.literal('status'), status: SubscriptionStatusSchema }),
]);

/** `/mesh help request` → `{ kind: 'help', topic: 'request' }`; no topic: the overview. */
export const HelpCommandSchema = z.object({ kind: z.literal('help'), topic: HelpTopicSchema.optional() });

/**
 * `/mesh publish telco usecase* --owners <@U0ALICE>` →
 * `{ kind: 'publish', database: 'telco', tablePattern: 'usecase*', owners: ['U0ALICE'], publicMetadata: true }`.
 */
export const PublishCommandSchema = z.object({
  kind: z.literal('publish'),
  database: GlueNameSchema,
  tablePattern: TablePatternSchema.optional(),
  name: DataProductSchema.shape.name.optional(),
  domain: DataProductSchema.shape.domain,
  description: DataProductSchema.shape.description,
  /** Slack user ids; absent means the publisher. */
  owners: z.array(UserIdSchema).min(1).optional(),
  meshDatabase: GlueNameSchema.optional(),
  /** What consumers may request (`--offer select,describe`); absent keeps the product's (SELECT and DESCRIBE at first). */
  offeredPermissions: PermissionSetSchema.optional(),
  publicMetadata: z.boolean(),
});

/** `/mesh products churn` → `{ kind: 'products', query: 'churn' }`. */
export const ProductsCommandSchema = z.object({ kind: z.literal('products'), query: z.string().min(1).max(500).optional() });

/** `/mesh product telco-111111111111` → `{ kind: 'product', product: 'telco-111111111111' }`. */
export const ProductCommandSchema = z.object({ kind: z.literal('product'), product: ProductIdSchema });

/**
 * `/mesh request telco-111111111111 usecase1 select Churn model` →
 * `{ kind: 'request', product: 'telco-111111111111', tables: ['usecase1'], permissions: ['SELECT'], reason: 'Churn model', needsModal: false }`.
 * Without a reason `needsModal` is true: the bot opens the request modal filled in with the rest.
 */
export const RequestCommandSchema = z
  .object({
    kind: z.literal('request'),
    product: ProductIdSchema,
    tables: RequestedTablesSchema.optional(),
    permissions: PermissionSetSchema.optional(),
    /** Which of the consumer account's query roles it is for, as typed (names or ARNs); default all. */
    queryRoles: z.array(z.string().min(1)).min(1).optional(),
    reason: JustificationSchema.optional(),
    needsModal: z.boolean(),
  })
  .refine((command) => command.needsModal === (command.reason === undefined), {
    error: 'a request needs the modal exactly when it has no reason',
  });

export const PendingCommandSchema = z.object({ kind: z.literal('pending') });

/** `/mesh subscriptions mine` → `{ kind: 'subscriptions', filter: { by: 'mine' } }`. */
export const SubscriptionsCommandSchema = z.object({ kind: z.literal('subscriptions'), filter: SubscriptionsFilterSchema });

/** `/mesh subscription 01HZY…` → `{ kind: 'subscription', subscriptionId: '01HZY…' }`; likewise cancel and retry. */
export const SubscriptionCommandSchema = z.object({ kind: z.literal('subscription'), subscriptionId: SubscriptionIdSchema });
export const CancelCommandSchema = z.object({ kind: z.literal('cancel'), subscriptionId: SubscriptionIdSchema });
export const RetryCommandSchema = z.object({ kind: z.literal('retry'), subscriptionId: SubscriptionIdSchema });

/**
 * `/mesh modify 01HZY… select describe Read only from now on` →
 * `{ kind: 'modify', subscriptionId, permissions: ['SELECT', 'DESCRIBE'], reason: 'Read only from now on' }`.
 */
export const ModifyCommandSchema = z.object({
  kind: z.literal('modify'),
  subscriptionId: SubscriptionIdSchema,
  permissions: PermissionSetSchema,
  reason: JustificationSchema,
});

/** `/mesh revoke 01HZY… Project ended` → `{ kind: 'revoke', subscriptionId, reason: 'Project ended' }`. */
export const RevokeCommandSchema = z.object({ kind: z.literal('revoke'), subscriptionId: SubscriptionIdSchema, reason: JustificationSchema });

export const WhoamiCommandSchema = z.object({ kind: z.literal('whoami') });

/** `/mesh admin map <@U0BOB> 999999999999 consumer` → `{ kind: 'admin-map', userId: 'U0BOB', accountId, persona: 'consumer' }`. */
export const AdminMapCommandSchema = z.object({
  kind: z.literal('admin-map'),
  userId: UserIdSchema,
  accountId: AccountIdSchema,
  persona: MappablePersonaSchema,
});

export const AdminUnmapCommandSchema = z.object({ kind: z.literal('admin-unmap'), userId: UserIdSchema, accountId: AccountIdSchema });

export const AdminEnableCommandSchema = z.object({
  kind: z.literal('admin-enable'),
  accountId: AccountIdSchema,
  persona: MappablePersonaSchema,
  /** A consumer's query roles, as typed (names or ARNs). */
  queryRoles: z.array(z.string().min(1)).min(1).optional(),
});

export const AdminAccountsCommandSchema = z.object({ kind: z.literal('admin-accounts') });

/** Every `/mesh` command, told apart by `kind`. */
export const MeshCommandSchema = z.discriminatedUnion('kind', [
  HelpCommandSchema,
  PublishCommandSchema,
  ProductsCommandSchema,
  ProductCommandSchema,
  RequestCommandSchema,
  PendingCommandSchema,
  SubscriptionsCommandSchema,
  SubscriptionCommandSchema,
  ModifyCommandSchema,
  RevokeCommandSchema,
  CancelCommandSchema,
  RetryCommandSchema,
  WhoamiCommandSchema,
  AdminMapCommandSchema,
  AdminUnmapCommandSchema,
  AdminEnableCommandSchema,
  AdminAccountsCommandSchema,
]);

export type MappablePersona = z.infer<typeof MappablePersonaSchema>;
export type RequestedTables = z.infer<typeof RequestedTablesSchema>;
export type SubscriptionsFilter = z.infer<typeof SubscriptionsFilterSchema>;
export type MeshCommand = z.infer<typeof MeshCommandSchema>;
export type MeshCommandKind = MeshCommand['kind'];
/** The command of one kind: `CommandOf<'request'>`. */
export type CommandOf<K extends MeshCommandKind> = Extract<MeshCommand, { kind: K }>;
