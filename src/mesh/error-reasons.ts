import type { ProductSetting } from './domain/data-product';
import type { PersonaKind } from './domain/identity';
import type { Permission } from './domain/permission';
import type { SlackUser } from './domain/slack-user';
import type { Actor } from './domain/actor';
import type { PublishImpact } from './domain/publish-impact';
import type { SubscriptionEvent, SubscriptionStatus } from './domain/subscription-status';
import type { MeshErrorCode } from './error-codes';

/** Where in an operation's input a refusal points, as zod names it: `['tables', 2]`, `['justification']`. */
export type InputPath = readonly (string | number)[];

/** A Slack user as the mesh names one; mesh admins from the configuration may leave out the team. */
export interface UserRef {
  readonly teamId?: string | undefined;
  readonly userId: string;
}

/** Params of a reason that needs none. */
type NoParams = Record<string, never>;

/**
 * The typed facts of every refusal, by reason: what the Slack layer words for the user (the mesh
 * itself keeps only a plain-English sentence for logs). One reason per distinct refusal.
 */
export interface ReasonParams {
  // mesh_illegal_transition
  illegal_transition: { from: SubscriptionStatus; event: SubscriptionEvent; allowed: readonly SubscriptionEvent[] };
  // mesh_already_decided
  already_decided: { subscriptionId: string; status: SubscriptionStatus; decidedBy?: Actor | undefined; decidedAt?: string | undefined };
  // mesh_stale_write
  stale_write: { key: string; expectedVersion: number };
  // mesh_already_exists
  already_exists: { key: string };
  // mesh_not_found
  /** `similar`: ids of products the caller may see that the typed id was probably meant as. */
  product_not_found: { productId: string; similar?: readonly string[] };
  /** Absent or private: the two look alike, so a private product's existence does not leak. */
  product_not_found_or_private: { productId: string; similar?: readonly string[] };
  subscription_not_found: { subscriptionId: string };
  source_database_not_found: { database: string; accountId: string };
  user_never_mapped: { user: SlackUser };
  account_never_enabled: { accountId: string };
  // mesh_malformed_item
  malformed_item: { key: string; problems: string };
  // mesh_invalid_input
  /** A value the operation's schema refuses; `problem` is the schema's own sentence. */
  invalid_value: { problem: string; operation?: string | undefined };
  no_tables_to_grant: NoParams;
  table_listed_twice: { table: string };
  no_permissions_to_grant: NoParams;
  columns_without_select: NoParams;
  column_listed_twice: { column: string };
  grantable_part_of_all: { permission: Permission };
  grantable_not_granted: { permission: Permission };
  permission_not_requested: { permissions: readonly Permission[]; requested: readonly Permission[] };
  permission_beyond_offer: { permissions: readonly Permission[]; productId: string; offered: readonly Permission[] };
  invalid_table_regex: { pattern: string; problem: string };
  empty_table_pattern: NoParams;
  no_tables_in_database: { database: string };
  /** `tables`: every table of the database, sorted. */
  no_table_matches: { database: string; pattern?: string | undefined; tables: readonly string[] };
  mesh_database_taken: { meshDatabase: string; productId: string; sourceDatabase: string; producerAccountId: string };
  query_roles_for_producer: { accountId: string };
  query_role_not_a_role: { typed: string; accountId: string };
  query_role_of_other_account: { arn: string; roleAccountId: string; accountId: string };
  /** `roles`: the ARNs asked for that are not query roles; `queryRoles`: the account's (ARNs). */
  not_a_query_role: { roles: readonly string[]; accountId: string; queryRoles: readonly string[] };
  not_consumer_of_any: NoParams;
  several_consumer_accounts: { accounts: readonly string[] };
  unknown_table: { productId: string; tables: readonly string[]; productTables: readonly string[] };
  /**
   * A column filter naming columns a table of the subscription lacks: `columns`, every name unknown
   * somewhere; `tables`, each table lacking some, with the names it lacks and its real columns (partition keys included).
   */
  /** `private`: the caller may not see the product's metadata, so the tables' real columns are not listed. */
  unknown_column: { columns: readonly string[]; tables: readonly { table: string; missing: readonly string[]; columns: readonly string[] }[]; private?: boolean };
  permission_not_offered: { productId: string; permissions: readonly Permission[]; offered: readonly Permission[] };
  nothing_to_query: { subscriptionId: string; status: SubscriptionStatus };
  invalid_page_cursor: { cursor: string };
  /** A list's [Next page] button whose cursor no longer decodes. */
  stale_page_button: NoParams;
  several_producer_accounts: { accounts: readonly string[] };
  /** A publish that would change a product with live subscriptions: it waits for its publisher to confirm this effect. */
  publish_needs_confirmation: { impact: PublishImpact };
  /** A confirmation of a publish whose effect has changed since it was asked (the product or a subscription moved). */
  publish_confirmation_stale: { productId: string };
  // mesh_not_authorized
  /** `meshAdmins`: the configured admins, whom to ask. */
  not_mesh_admin: { meshAdmins: readonly UserRef[] };
  not_requester: { requester: SlackUser };
  not_owner_to_change: { productId: string; settings: readonly ProductSetting[]; owners: readonly SlackUser[] };
  own_request: NoParams;
  not_product_owner: { productId: string; owners: readonly SlackUser[] };
  not_producer_of_account: { accountId: string };
  /** `mappedAccounts`: the accounts the user does consume for. */
  not_consumer_of_account: { accountId: string; mappedAccounts: readonly string[] };
  not_revoker: NoParams;
  not_mapped_to_read: NoParams;
  not_yours_to_see: { subscriptionId: string };
  not_consumer_to_use: { accountId: string; requester: SlackUser };
  /** A user mapped to no account at all; `doing` is what they tried, e.g. `publish`. */
  unmapped_user: { needed: PersonaKind; doing: string; meshAdmins: readonly UserRef[] };
  not_producer_of_any: { meshAdmins: readonly UserRef[] };
  // mesh_account_not_enabled
  account_not_enabled: { accountId: string; as: 'producer' | 'consumer' };
  // mesh_account_not_ready
  /** `missing`: one sentence per setting or role to change, from the account's own answers. */
  account_not_ready: { accountId: string; missing: readonly string[] };
  /** `problems`: one sentence per source bucket the mesh cannot read. */
  locations_not_readable: { accountId: string; problems: readonly string[] };
  // mesh_aws_refused
  /** AWS's refusal as the adapter put it (`problem`), and what a person can do (`advice`). */
  aws_refused: { awsCode: string; problem: string; advice: string };
  // mesh_invitation_expired
  invitation_expired: { invitationArn: string; consumerAccountId: string };
  // mesh_share_not_ready
  share_not_ready: { consumerAccountId: string; waitingFor: string };
}

/** Every reason a MeshError can give. */
export type Reason = keyof ReasonParams;

/** The code of every reason: the runtime list of reasons, and which error class raises each. */
export const REASON_CODES = {
  illegal_transition: 'mesh_illegal_transition',
  already_decided: 'mesh_already_decided',
  stale_write: 'mesh_stale_write',
  already_exists: 'mesh_already_exists',
  product_not_found: 'mesh_not_found',
  product_not_found_or_private: 'mesh_not_found',
  subscription_not_found: 'mesh_not_found',
  source_database_not_found: 'mesh_not_found',
  user_never_mapped: 'mesh_not_found',
  account_never_enabled: 'mesh_not_found',
  malformed_item: 'mesh_malformed_item',
  invalid_value: 'mesh_invalid_input',
  no_tables_to_grant: 'mesh_invalid_input',
  table_listed_twice: 'mesh_invalid_input',
  no_permissions_to_grant: 'mesh_invalid_input',
  columns_without_select: 'mesh_invalid_input',
  column_listed_twice: 'mesh_invalid_input',
  grantable_part_of_all: 'mesh_invalid_input',
  grantable_not_granted: 'mesh_invalid_input',
  permission_not_requested: 'mesh_invalid_input',
  permission_beyond_offer: 'mesh_invalid_input',
  invalid_table_regex: 'mesh_invalid_input',
  empty_table_pattern: 'mesh_invalid_input',
  no_tables_in_database: 'mesh_invalid_input',
  no_table_matches: 'mesh_invalid_input',
  mesh_database_taken: 'mesh_invalid_input',
  query_roles_for_producer: 'mesh_invalid_input',
  query_role_not_a_role: 'mesh_invalid_input',
  query_role_of_other_account: 'mesh_invalid_input',
  not_a_query_role: 'mesh_invalid_input',
  not_consumer_of_any: 'mesh_invalid_input',
  several_consumer_accounts: 'mesh_invalid_input',
  unknown_table: 'mesh_invalid_input',
  unknown_column: 'mesh_invalid_input',
  permission_not_offered: 'mesh_invalid_input',
  nothing_to_query: 'mesh_invalid_input',
  invalid_page_cursor: 'mesh_invalid_input',
  stale_page_button: 'mesh_invalid_input',
  several_producer_accounts: 'mesh_invalid_input',
  publish_needs_confirmation: 'mesh_invalid_input',
  publish_confirmation_stale: 'mesh_invalid_input',
  not_mesh_admin: 'mesh_not_authorized',
  not_requester: 'mesh_not_authorized',
  not_owner_to_change: 'mesh_not_authorized',
  own_request: 'mesh_not_authorized',
  not_product_owner: 'mesh_not_authorized',
  not_producer_of_account: 'mesh_not_authorized',
  not_consumer_of_account: 'mesh_not_authorized',
  not_revoker: 'mesh_not_authorized',
  not_mapped_to_read: 'mesh_not_authorized',
  not_yours_to_see: 'mesh_not_authorized',
  not_consumer_to_use: 'mesh_not_authorized',
  unmapped_user: 'mesh_not_authorized',
  not_producer_of_any: 'mesh_not_authorized',
  account_not_enabled: 'mesh_account_not_enabled',
  account_not_ready: 'mesh_account_not_ready',
  locations_not_readable: 'mesh_account_not_ready',
  aws_refused: 'mesh_aws_refused',
  invitation_expired: 'mesh_invitation_expired',
  share_not_ready: 'mesh_share_not_ready',
} as const satisfies { readonly [R in Reason]: MeshErrorCode };

/** The reasons of one code, e.g. `ReasonOf<'mesh_not_found'>` = `'product_not_found' | …`. */
export type ReasonOf<C extends MeshErrorCode> = { [R in Reason]: (typeof REASON_CODES)[R] extends C ? R : never }[Reason];

/** One refusal's facts without the correlation of reason and params (what an error holds). */
export interface RefusalShape<R extends Reason> {
  /** Which refusal, finer than the code. */
  reason: R;
  /** Its typed facts. */
  params: ReasonParams[R];
  /** The input it concerns; absent when it concerns none. */
  path?: InputPath | undefined;
  /** A plain-English sentence for logs, tests and callers outside Slack (no Slack syntax). */
  message: string;
  /** What to do instead, in plain English. */
  hint?: string | undefined;
}

/** One refusal: a reason with exactly its params, the input it concerns, and plain-English text. */
export type Refusal<R extends Reason = Reason> = { [K in R]: RefusalShape<K> }[R];
