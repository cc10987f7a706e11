/** One `/mesh` command as help shows it; the parser's error messages use the same usage line. */
export interface CommandSpec {
  /** What the user types after `/mesh`: `request`, or `admin map` for admin commands. */
  readonly name: string;
  /** The `kind` of the MeshCommand it parses to (a type test ties the two lists together). */
  readonly kind: string;
  /** The arguments, as in the usage line: `<id> <reason…>`; '' for none. */
  readonly args: string;
  readonly summary: string;
  /** Lines of `help <command>`, mrkdwn. */
  readonly details: readonly string[];
  /**
   * Text after `/mesh`, each a valid command that works on the sandbox's sample data (a test runs every
   * one); `@name` stands for a mention picked from Slack's list, `ID` placeholders for a real id.
   */
  readonly examples: readonly string[];
  readonly admin: boolean;
}

// The sample mesh's names, so that every example can be typed as is in the sandbox.
const PRODUCT = 'telco-111111111111';
const TABLE = 'usecase1_cell_kpis';
const TABLES = 'usecase1_cell_kpis,usecase2_customer_churn';
const ID = '01HZY3J5Q8W6V2K7N4R9T0BCDE';

/** Every `/mesh` command, in the order help lists them. The parser has one function per name. */
export const COMMAND_SPECS = [
  {
    name: 'help',
    kind: 'help',
    args: '[command]',
    summary: 'Show the commands, or the details of one.',
    details: ['`/mesh` alone shows the same list.'],
    examples: ['help', 'help request', 'help admin'],
    admin: false,
  },
  {
    name: 'publish',
    kind: 'publish',
    args: '<db> [table or pattern] [--name <name>] [--domain <domain>] [--description "<text>"] [--owners @user…] [--mesh-db <name>] [--offer <permissions>] [--no-public]',
    summary: 'Publish tables of a Glue database of your producer account as a data product.',
    details: [
      '`<db>`: the source database. The product goes to the mesh database `<db>-<your account>` unless `--mesh-db` names another.',
      '`[table or pattern]`: one table, a `*` pattern such as `usecase*`, or a `/regex/`; every table if left out.',
      '`--owners`: the people who decide on requests for it (default: you), picked from the @ list.',
      '`--name`: the product\'s name. Another name than that of the database\'s first product makes a further product of the same database, never a rename.',
      '`--offer`: the Lake Formation permissions consumers may ask for, e.g. `--offer select,describe` (the default).',
      '`--no-public`: do not announce the product nor list it for everyone.',
      'Quote values with spaces: `--description "Churn features by month"`. Names of databases and tables are read in lower case, as Glue stores them.',
    ],
    examples: [
      'publish telco usecase*',
      `publish telco ${TABLE} --name "Cell KPIs" --domain network --owners @pat @sam --mesh-db telco-kpis`,
      'publish telco /^usecase[0-9]+_/ --mesh-db telco-mesh --no-public',
    ],
    admin: false,
  },
  {
    name: 'products',
    kind: 'products',
    args: '[search text…]',
    summary: 'List data products, or search them by name, domain, description and table.',
    details: [],
    examples: ['products', 'products churn'],
    admin: false,
  },
  {
    name: 'product',
    kind: 'product',
    args: '<product>',
    summary: 'Show one data product: its tables, owners, permissions offered and subscribers.',
    details: ['`<product>`: the product id, which is its mesh database, e.g. `telco-111111111111`.'],
    examples: [`product ${PRODUCT}`],
    admin: false,
  },
  {
    name: 'request',
    kind: 'request',
    args: '<product> [tables] [permissions] [--query-roles <role,…>] [reason…]',
    summary: 'Ask for access to a data product for your consumer account.',
    details: [
      `\`[tables]\`: one table, a comma list such as \`${TABLES}\`, or \`all\` / \`*\`; every table if left out.`,
      '`[permissions]`: one word, a comma list such as `select,describe` in any case (ALL, SELECT, INSERT, DELETE, ALTER, DROP, DESCRIBE).',
      'The word after the product is the permissions when it names a permission (a lone `all` means all tables); otherwise it is the tables, and the next word must be the permissions.',
      'The reason is the rest of the line, after the permissions. Without a reason a form opens, filled in with what you typed.',
      '`--query-roles`: which of your account’s query roles will query (comma-separated); all of them if left out. The access is granted to these roles.',
    ],
    examples: [
      `request ${PRODUCT}`,
      `request ${PRODUCT} ${TABLE} select`,
      `request ${PRODUCT} select Churn model for Q4`,
      `request ${PRODUCT} ${TABLES} select,describe Churn model for Q4`,
      `request ${PRODUCT} ${TABLE} select --query-roles Analyst Churn model for Q4`,
    ],
    admin: false,
  },
  {
    name: 'pending',
    kind: 'pending',
    args: '',
    summary: 'List pending requests: those waiting for your decision, and your own.',
    details: [],
    examples: ['pending'],
    admin: false,
  },
  {
    name: 'subscriptions',
    kind: 'subscriptions',
    args: '[mine | product <product> | status <status>]',
    summary: 'List subscriptions: all you may see, yours, one product’s, or those in one status.',
    details: ['Statuses: PENDING, GRANTING, ACTIVE, MODIFYING, DENIED, CANCELLED, EXPIRED, REVOKING, REVOKED, FAILED (any case).'],
    examples: ['subscriptions', 'subscriptions mine', `subscriptions product ${PRODUCT}`, 'subscriptions status active'],
    admin: false,
  },
  {
    name: 'subscription',
    kind: 'subscription',
    args: '<id>',
    summary: 'Show one subscription and its history.',
    details: [`\`<id>\`: the subscription id, 26 letters and digits such as \`${ID}\`.`],
    examples: [`subscription ${ID}`],
    admin: false,
  },
  {
    name: 'modify',
    kind: 'modify',
    args: '<id> <permissions> <reason…>',
    summary: 'Change the permissions of an active subscription (product owners): shows what changes and asks you to confirm.',
    details: [
      '`<permissions>`: separated by spaces or commas, in any case, e.g. `select describe`.',
      '`<reason…>`: why, recorded in the history and sent to the requester.',
      'The [Modify] button on an active subscription also changes its columns.',
    ],
    examples: [`modify ${ID} select,describe Add the table definitions`, `modify ${ID} SELECT Read only from now on`],
    admin: false,
  },
  {
    name: 'revoke',
    kind: 'revoke',
    args: '<id> <reason…>',
    summary: 'Revoke an active subscription (product owners); the reason is recorded and sent to the requester.',
    details: [],
    examples: [`revoke ${ID} The project ended`],
    admin: false,
  },
  {
    name: 'cancel',
    kind: 'cancel',
    args: '<id>',
    summary: 'Cancel your own pending request.',
    details: [],
    examples: [`cancel ${ID}`],
    admin: false,
  },
  {
    name: 'retry',
    kind: 'retry',
    args: '<id>',
    summary: 'Retry the grants of a failed subscription.',
    details: [],
    examples: [`retry ${ID}`],
    admin: false,
  },
  {
    name: 'whoami',
    kind: 'whoami',
    args: '',
    summary: 'Show the accounts and roles you act for.',
    details: [],
    examples: ['whoami'],
    admin: false,
  },
  {
    name: 'admin map',
    kind: 'admin-map',
    args: '@user <account> producer|consumer',
    summary: 'Let a person act for an account as its producer or consumer.',
    details: ['`<account>`: 12 digits; dashes as the AWS console shows them are fine (`1111-1111-1111`).'],
    examples: ['admin map @pat 111111111111 producer', 'admin map @casey 9999-9999-9999 consumer'],
    admin: true,
  },
  {
    name: 'admin unmap',
    kind: 'admin-unmap',
    args: '@user <account>',
    summary: 'Take away a person’s roles in an account.',
    details: [],
    examples: ['admin unmap @sam 111111111111'],
    admin: true,
  },
  {
    name: 'admin enable',
    kind: 'admin-enable',
    args: '<account> producer|consumer [--query-roles <role,…>]',
    summary: 'Enable an account in the mesh as a producer or a consumer.',
    details: [
      '`--query-roles`: for a consumer, the IAM roles that run queries there (names or ARNs, comma-separated); approved access is granted to them. The bot checks with IAM that each exists and may read shared tables. Given again, the list replaces the one recorded.',
    ],
    examples: ['admin enable 111111111111 producer', 'admin enable 999999999999 consumer --query-roles Analyst'],
    admin: true,
  },
  {
    name: 'admin accounts',
    kind: 'admin-accounts',
    args: '',
    summary: 'List the mesh’s accounts, their roles and who acts for them.',
    details: [],
    examples: ['admin accounts'],
    admin: true,
  },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMAND_SPECS)[number]['name'];

/** What `help <topic>` accepts: a command, or `admin` for all admin commands. */
export type HelpTopic = CommandName | 'admin';

/** The help topics, command order first. */
export const HELP_TOPICS: readonly HelpTopic[] = [...COMMAND_SPECS.map((spec) => spec.name), 'admin'];

/** One entry of the table, with its name as a `CommandName`. */
export type KnownSpec = (typeof COMMAND_SPECS)[number];

/** The spec of a command name, e.g. `admin map`; undefined if there is none. */
export function findSpec(name: string): KnownSpec | undefined {
  return COMMAND_SPECS.find((spec) => spec.name === name);
}
