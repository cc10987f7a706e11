import { PERMISSIONS } from '../mesh/domain/permission';
import { roleNameOf } from '../mesh/domain/query-principal';
import type { InputPath, Reason, ReasonParams, UserRef } from '../mesh/error-reasons';
import { dateText } from './blocks/mrkdwn';
import { didYouMean } from './commands/did-you-mean';

/**
 * A refusal as a Slack user reads it: why, and what to do instead. Strings of our own in mrkdwn
 * terms: users as `<@U…>` mentions, commands in backticks; the caller escapes everything else.
 */
export interface Wording {
  text: string;
  hint?: string;
}

/** How one reason is worded, from its params (and the input path, for the schema's own sentences). */
type WordingOf<R extends Reason> = (params: ReasonParams[R], path: InputPath | undefined) => Wording;

/** Tables listed at most when a pattern matches none. */
const LISTED_TABLES = 20;

const mentionOf = (user: UserRef): string => `<@${user.userId}>`;

/** The mesh admins as mentions (`<@U0ADMIN>, <@U0ADA2>`), or how to find them when none is configured. */
export function meshAdminsMention(admins: readonly UserRef[]): string {
  return admins.length > 0 ? admins.map(mentionOf).join(', ') : 'a mesh admin (none is configured yet: ask whoever runs Meshbot)';
}

/** `did you mean `telco-111111111111`? ` for the names a mistyped one was probably meant as (a hint's start); '' for none. */
function didYouMeanText(names: readonly string[] | undefined): string {
  const unique = [...new Set(names ?? [])];
  return unique.length === 0 ? '' : `did you mean ${unique.map((n) => `\`${n}\``).join(unique.length === 2 ? ' or ' : ', ')}? `;
}

const isAre = (items: readonly unknown[]): string => (items.length === 1 ? 'is' : 'are');

/**
 * The Slack wording of every reason the mesh gives; a mapped Record over `Reason`, so a new reason
 * without a wording does not compile.
 */
export const WORDINGS: { readonly [R in Reason]: WordingOf<R> } = {
  illegal_transition: ({ from, event, allowed }) => ({
    text: `cannot ${event} a subscription that is ${from}`,
    hint: allowed.length > 0 ? `from ${from} you can: ${allowed.join(', ')}` : `${from} is final: nothing more can happen to it`,
  }),
  // Where the bot can read the record it answers with buildAlreadyDecidedMessage instead; the date is a Slack date token.
  already_decided: ({ subscriptionId, status, decidedBy, decidedAt }) => ({
    text:
      `subscription ${subscriptionId} was already decided: it is ${status}` +
      (decidedBy ? ` (by ${'userId' in decidedBy ? mentionOf(decidedBy) : decidedBy.system}${decidedAt ? ` ${dateText(decidedAt)}` : ''})` : ''),
    hint: 'nothing more to do',
  }),
  stale_write: ({ key, expectedVersion }) => ({ text: `${key} changed while this was being done (expected version ${expectedVersion})`, hint: 'try again on the current state' }),
  already_exists: ({ key }) => ({ text: `${key} already exists` }),

  product_not_found: ({ productId, similar }) => ({ text: `no data product ${productId}`, hint: `${didYouMeanText(similar)}see the published products with \`/mesh products\`` }),
  product_not_found_or_private: ({ productId, similar }) => ({
    text: `no data product ${productId}`,
    hint: `${didYouMeanText(similar)}search the published products with \`/mesh products <text>\``,
  }),
  subscription_not_found: ({ subscriptionId }) => ({ text: `no subscription ${subscriptionId}`, hint: 'check the id with `/mesh subscriptions`' }),
  source_database_not_found: ({ database, accountId }) => ({
    text: `no database ${database} in account ${accountId}`,
    hint: "check the database name in the producer account's Glue catalog; Glue names are lower case",
  }),
  user_never_mapped: ({ user }) => ({ text: `no mapped user ${mentionOf(user)}`, hint: 'they were never mapped: nothing to remove' }),
  account_never_enabled: ({ accountId }) => ({ text: `no enabled account ${accountId}`, hint: `enable it first with \`/mesh admin enable ${accountId} producer\` (or consumer)` }),

  malformed_item: ({ key, problems }) => ({ text: `stored item ${key} is malformed: ${problems}`, hint: 'an operator must repair or restore this item' }),

  invalid_value: ({ problem, operation }, path) => ({
    text: `${operation === undefined ? '' : `${operation}: `}${path !== undefined && path.length > 0 ? `${path.join('.')}: ` : ''}${problem}`,
    hint: 'correct the values named and try again',
  }),
  no_tables_to_grant: () => ({ text: 'there are no tables to grant', hint: 'name at least one table of the product' }),
  table_listed_twice: ({ table }) => ({ text: `table ${table} is listed more than once`, hint: 'list each table once' }),
  no_permissions_to_grant: () => ({ text: 'there are no permissions to grant', hint: `name at least one of ${PERMISSIONS.join(', ')}` }),
  columns_without_select: () => ({ text: 'a column filter limits SELECT, but SELECT is not requested', hint: 'add SELECT, or drop the column filter' }),
  column_listed_twice: ({ column }) => ({ text: `column ${column} is listed more than once`, hint: 'list each column once' }),
  grantable_part_of_all: ({ permission }) => ({
    text: `${permission} cannot be grantable on its own while ALL is granted`,
    hint: 'make ALL grantable, or request the permissions one by one instead of ALL',
  }),
  grantable_not_granted: ({ permission }) => ({ text: `${permission} is grantable but not granted`, hint: `grant ${permission} too, or drop it from the grantable permissions` }),
  permission_not_requested: ({ permissions, requested }) => ({ text: `${permissions.join(', ')} ${isAre(permissions)} not requested`, hint: `choose among ${requested.join(', ')}` }),
  permission_beyond_offer: ({ permissions, productId, offered }) => ({
    text: `${permissions.join(', ')} ${isAre(permissions)} not offered by product ${productId}`,
    hint: `choose among ${offered.join(', ')}`,
  }),
  invalid_table_regex: ({ pattern, problem }) => ({
    text: `${pattern} is not a valid regular expression: ${problem}`,
    hint: 'write a JavaScript regular expression between slashes, e.g. `/^usecase\\d+_/`, or use a glob such as `usecase*`',
  }),
  empty_table_pattern: () => ({ text: 'the table pattern is empty', hint: 'name a table, a glob such as `usecase*`, or leave the pattern out to publish every table' }),
  no_tables_in_database: ({ database }) => ({ text: `database ${database} has no tables to publish`, hint: 'create the tables in the producer catalog first' }),
  no_table_matches: ({ database, pattern, tables }) => {
    const listed = tables.slice(0, LISTED_TABLES).join(', ') + (tables.length > LISTED_TABLES ? ` and ${tables.length - LISTED_TABLES} more` : '');
    return {
      text: `no table of ${database} matches ${pattern ?? 'the pattern'}; its tables are: ${listed}`,
      hint: 'give one of these names, a glob such as `usecase*`, or a regex such as `/^usecase/`',
    };
  },
  mesh_database_taken: ({ meshDatabase, productId, sourceDatabase, producerAccountId }) => ({
    text: `mesh database ${meshDatabase} already holds product ${productId}, published from ${sourceDatabase} of account ${producerAccountId}`,
    hint: 'choose another mesh database name (`--mesh-db`)',
  }),
  query_roles_for_producer: ({ accountId }) => ({ text: 'query principals belong to consumer accounts', hint: `enable ${accountId} as consumer to name the roles that query there` }),
  query_role_not_a_role: ({ typed, accountId }) => ({
    text: `${JSON.stringify(typed)} is not an IAM role name or role ARN`,
    hint: `name roles of account ${accountId}, e.g. Analyst or arn:aws:iam::${accountId}:role/Analyst`,
  }),
  query_role_of_other_account: ({ arn, roleAccountId, accountId }) => ({
    text: `${arn} is a role of account ${roleAccountId}, not of ${accountId}`,
    hint: `name roles of account ${accountId}, e.g. Analyst or arn:aws:iam::${accountId}:role/Analyst`,
  }),
  not_a_query_role: ({ roles, accountId, queryRoles }) => ({
    text: `${roles.map(roleNameOf).join(', ')} ${roles.length === 1 ? 'is not a query role' : 'are not query roles'} of account ${accountId}`,
    hint:
      queryRoles.length === 0
        ? `account ${accountId} has no query roles yet: a mesh admin names them with \`/mesh admin enable ${accountId} consumer --query-roles <role,…>\``
        : `its query roles are ${queryRoles.map(roleNameOf).join(', ')}`,
  }),
  not_consumer_of_any: () => ({ text: 'you are not mapped as a consumer of any account', hint: 'name the consumer account, or ask a mesh admin to map you' }),
  several_consumer_accounts: ({ accounts }) => ({ text: `you consume for several accounts (${accounts.join(', ')})`, hint: 'name the consumer account the request is for' }),
  unknown_table: ({ productId, tables, productTables }) => ({
    text: `product ${productId} has no table ${tables.join(', ')}`,
    hint: `${didYouMeanText(tables.flatMap((t) => (t.length >= 3 ? didYouMean(t, productTables).slice(0, 1) : [])))}its tables are ${productTables.slice(0, LISTED_TABLES).map((t) => `\`${t}\``).join(', ')}${productTables.length > LISTED_TABLES ? ` and ${productTables.length - LISTED_TABLES} more` : ''}`,
  }),
  unknown_column: ({ tables, private: undisclosed }) => ({
    text: tables.map((t) => `table ${t.table} has no column ${t.missing.join(', ')}`).join('; '),
    hint: undisclosed === true
      ? "the product's metadata is not public: ask its owners for the column names"
      : tables.length === 1 && tables[0] !== undefined
        ? `its columns are ${tables[0].columns.join(', ')}`
        : `a column filter applies to every table of the subscription; ${tables.map((t) => `${t.table} has ${t.columns.join(', ')}`).join('; ')}`,
  }),
  permission_not_offered: ({ productId, permissions, offered }) => ({ text: `product ${productId} does not offer ${permissions.join(', ')}`, hint: `it offers ${offered.join(', ')}` }),
  nothing_to_query: ({ subscriptionId, status }) => ({ text: `subscription ${subscriptionId} is ${status}: there is nothing to query`, hint: 'wait until it is ACTIVE, or see its history' }),
  invalid_page_cursor: ({ cursor }) => ({ text: `${JSON.stringify(cursor)} is not a valid page cursor`, hint: 'start again from the first page' }),
  stale_page_button: () => ({ text: 'this [Next page] button no longer leads anywhere', hint: 'run the command again to list from the first page' }),
  several_producer_accounts: ({ accounts }) => ({
    text: `you publish for several accounts (${accounts.join(', ')}) and the command cannot say which`,
    hint: 'ask a mesh admin to keep one producer mapping for you while you publish',
  }),
  publish_needs_confirmation: ({ impact }) => ({
    text: `this publish would change product ${impact.productId}, which has ${impact.subscriptions.length} live subscription${impact.subscriptions.length === 1 ? '' : 's'}`,
    hint: 'publish it from Slack to see the effect on each subscription and confirm it',
  }),
  publish_confirmation_stale: ({ productId }) => ({
    text: `product ${productId} or its subscriptions changed since this publish was shown to you, so it was not applied`,
    hint: 'run the `/mesh publish` command again to see its effect now',
  }),

  not_mesh_admin: ({ meshAdmins }) => ({ text: 'only mesh admins can do this', hint: `ask ${meshAdminsMention(meshAdmins)}; \`/mesh whoami\` shows the accounts you act for` }),
  not_requester: ({ requester }) => ({ text: 'only the requester can cancel a request', hint: `ask ${mentionOf(requester)}, or deny it if you own the product` }),
  not_owner_to_change: ({ productId, settings, owners }) => ({
    text: `only the owners of product ${productId} or a mesh admin may change its ${settings.join(', ')}`,
    hint: `ask one of its owners (${owners.map(mentionOf).join(', ')}), or publish it again without those options to sync its tables`,
  }),
  own_request: () => ({ text: 'you cannot decide on your own request', hint: 'another owner of the product or a mesh admin must decide it' }),
  not_product_owner: ({ productId, owners }) => ({ text: `you are not an owner of product ${productId}`, hint: `ask an owner (${owners.map(mentionOf).join(', ')}) or a mesh admin` }),
  not_producer_of_account: ({ accountId }) => ({
    text: `you are not mapped as a producer of account ${accountId}`,
    hint: 'ask a mesh admin to map you: `/mesh admin map @you <account> producer`',
  }),
  not_consumer_of_account: ({ accountId, mappedAccounts }) => ({
    text: `you are not mapped as a consumer of account ${accountId}`,
    hint:
      mappedAccounts.length > 0
        ? `request for an account you are mapped to (${mappedAccounts.join(', ')}), or ask a mesh admin to map you`
        : 'ask a mesh admin to map you: `/mesh admin map @you <account> consumer`',
  }),
  not_revoker: () => ({ text: 'only the product owners, the consumer account or a mesh admin can revoke this', hint: 'ask an owner of the product or a mesh admin' }),
  not_mapped_to_read: () => ({
    text: 'subscriptions are shown to people mapped to an account of the mesh',
    hint: 'ask a mesh admin to map you: `/mesh admin map @you <account> producer|consumer`',
  }),
  not_yours_to_see: ({ subscriptionId }) => ({
    text: `subscription ${subscriptionId} is not yours to see: you are not its requester, an owner of its product, or a producer or consumer of the accounts it concerns`,
    hint: 'ask its requester or an owner of the product',
  }),
  not_consumer_to_use: ({ accountId, requester }) => ({ text: `only the consumer account ${accountId} can use this subscription`, hint: `ask ${mentionOf(requester)}, who requested it` }),
  unmapped_user: ({ needed, doing, meshAdmins }) => ({
    text: `you act for no account in the mesh yet, so you cannot ${doing}`,
    hint: `ask ${meshAdminsMention(meshAdmins)} to map you: \`/mesh admin map @you <account> ${needed}\`. Meanwhile you can browse with /mesh products`,
  }),
  not_producer_of_any: ({ meshAdmins }) => ({
    text: 'you are not mapped as a producer of any account',
    hint: `ask ${meshAdminsMention(meshAdmins)} to map you: \`/mesh admin map @you <account> producer\``,
  }),

  account_not_enabled: ({ accountId, as }) => ({ text: `account ${accountId} is not enabled as a ${as}`, hint: `a mesh admin can enable it with \`/mesh admin enable ${accountId} ${as}\`` }),
  account_not_ready: ({ accountId, missing }) => ({
    text: `account ${accountId} is not ready for the mesh: ${missing.join('; ')}`,
    hint: 'change these settings in the account, then enable it again',
  }),
  locations_not_readable: ({ accountId, problems }) => ({
    text: `account ${accountId} is not ready for the mesh: ${problems.join('; ')}`,
    hint: 'add the statement of the deploy guide ("Where the data is read from") to each bucket\'s policy, then publish again',
  }),
  aws_refused: ({ problem, advice }) => ({ text: problem, hint: advice }),
  invitation_expired: ({ invitationArn, consumerAccountId }) => ({
    text: `the share invitation to account ${consumerAccountId} expired before it was accepted (${invitationArn})`,
    hint: 'retry the subscription: the grant is sent again and a new invitation is accepted at once',
  }),
  share_not_ready: ({ consumerAccountId, waitingFor }) => ({
    text: `the RAM share of the grant has not reached account ${consumerAccountId} yet (${waitingFor})`,
    hint: 'nothing to do: the bot checks again every few minutes and says when it is usable',
  }),
};

/** Every reason with a wording (for the test that every reason of the mesh has one). */
export const WORDED_REASONS = Object.keys(WORDINGS) as Reason[];

/** The Slack wording of one refusal. */
export function wordRefusal<R extends Reason>(refusal: { reason: R; params: ReasonParams[R]; path?: InputPath | undefined }): Wording {
  const word: WordingOf<R> = WORDINGS[refusal.reason];
  return word(refusal.params, refusal.path);
}
