import { describe, expect, it } from 'vitest';
import { findSpec } from '../../../src/bot/commands/command-specs';
import { allUsageLines, usageLine } from '../../../src/bot/commands/help-text';
import type { MeshCommand } from '../../../src/bot/commands/mesh-command';
import { parseMeshCommand } from '../../../src/bot/commands/parse-mesh-command';
import type { UsageError } from '../../../src/bot/commands/usage-error';

const P = 'telco-111111111111';
const ID = '01HZY3J5Q8W6V2K7N4R9T0BCDE';
const PERMISSION_LIST = '(ALL, SELECT, INSERT, DELETE, ALTER, DROP, DESCRIBE)';
const STATUS_LIST = '(PENDING, GRANTING, ACTIVE, MODIFYING, DENIED, CANCELLED, EXPIRED, REVOKING, REVOKED, FAILED)';
const COMMAND_LIST =
  '`help`, `publish`, `products`, `product`, `request`, `pending`, `subscriptions`, `subscription`, `modify`, `revoke`, `cancel`, `retry`, `whoami`, `admin`';
const ADMIN_USAGE = ['admin map', 'admin unmap', 'admin enable', 'admin accounts'].map((name) => usageLine(findSpec(name)!)).join('\n');

/** The usage error of one command: its name as prefix, its usage line. */
function refused(name: string, problem: string): UsageError {
  return { kind: 'usage-error', message: `\`/mesh ${name}\`: ${problem}`, usage: usageLine(findSpec(name)!) };
}

describe('parseMeshCommand: valid forms', () => {
  it.each<[string, MeshCommand]>([
    // help, and empty text as help
    ['', { kind: 'help' }],
    ['  \n ', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP Request', { kind: 'help', topic: 'request' }],
    ['help admin', { kind: 'help', topic: 'admin' }],
    ['help admin map', { kind: 'help', topic: 'admin map' }],

    // publish
    ['publish telco', { kind: 'publish', database: 'telco', publicMetadata: true }],
    ['Publish Telco usecase*', { kind: 'publish', database: 'telco', tablePattern: 'usecase*', publicMetadata: true }],
    ['publish telco UseCase1', { kind: 'publish', database: 'telco', tablePattern: 'usecase1', publicMetadata: true }],
    ['publish telco /^Usecase\\d+$/', { kind: 'publish', database: 'telco', tablePattern: '/^Usecase\\d+$/', publicMetadata: true }],
    ['publish telco *', { kind: 'publish', database: 'telco', tablePattern: '*', publicMetadata: true }],
    [
      'publish telco usecase* --name "Telco use cases" --domain telco --description “Churn features, by month” --owners <@U0ALICE|alice> <@U0BOB> --mesh-db Telco-Mesh --no-public',
      {
        kind: 'publish',
        database: 'telco',
        tablePattern: 'usecase*',
        name: 'Telco use cases',
        domain: 'telco',
        description: 'Churn features, by month',
        owners: ['U0ALICE', 'U0BOB'],
        meshDatabase: 'telco-mesh',
        publicMetadata: false,
      },
    ],
    [
      'publish --no-public --owners <@U0ALICE|alice> <@U0ALICE> telco --name="Telco use cases" --DOMAIN=telco',
      { kind: 'publish', database: 'telco', name: 'Telco use cases', domain: 'telco', owners: ['U0ALICE'], publicMetadata: false },
    ],
    [
      'publish telco --description "Say \\"hi\\" &amp; &lt;wave&gt; to <#C123|data-products>"',
      { kind: 'publish', database: 'telco', description: 'Say "hi" & <wave> to #data-products', publicMetadata: true },
    ],
    ['publish telco "--name"', { kind: 'publish', database: 'telco', tablePattern: '--name', publicMetadata: true }],
    ['publish telco --offer select,Describe', { kind: 'publish', database: 'telco', offeredPermissions: ['SELECT', 'DESCRIBE'], publicMetadata: true }],
    ['publish telco --offer="describe, select"', { kind: 'publish', database: 'telco', offeredPermissions: ['SELECT', 'DESCRIBE'], publicMetadata: true }],

    // products
    ['products', { kind: 'products' }],
    ['products churn model', { kind: 'products', query: 'churn model' }],
    ['products "churn  model"', { kind: 'products', query: 'churn  model' }],
    ['products a &amp; b <#C1|data-products> <https://example.com|the docs>', { kind: 'products', query: 'a & b #data-products the docs' }],

    // product
    [`product ${P}`, { kind: 'product', product: P }],
    [`product “${P}”`, { kind: 'product', product: P }],

    // request: see also the rule below
    [`request ${P} usecase1,usecase2 select,describe Churn model for Q4`, {
      kind: 'request', product: P, tables: ['usecase1', 'usecase2'], permissions: ['SELECT', 'DESCRIBE'], reason: 'Churn model for Q4', needsModal: false,
    }],
    [`request ${P} usecase1 select --query-roles Analyst,Reporting Churn model`, {
      kind: 'request', product: P, tables: ['usecase1'], permissions: ['SELECT'], queryRoles: ['Analyst', 'Reporting'], reason: 'Churn model', needsModal: false,
    }],
    [`request ${P} select --query-roles=Analyst`, { kind: 'request', product: P, permissions: ['SELECT'], queryRoles: ['Analyst'], needsModal: true }],
    [`request ${P} select "--query-roles" is what I typed`, { kind: 'request', product: P, permissions: ['SELECT'], reason: '--query-roles is what I typed', needsModal: false }],

    ['pending', { kind: 'pending' }],
    ['whoami', { kind: 'whoami' }],

    // subscriptions
    ['subscriptions', { kind: 'subscriptions', filter: { by: 'all' } }],
    ['subscriptions MINE', { kind: 'subscriptions', filter: { by: 'mine' } }],
    [`subscriptions product ${P}`, { kind: 'subscriptions', filter: { by: 'product', product: P } }],
    ['subscriptions status active', { kind: 'subscriptions', filter: { by: 'status', status: 'ACTIVE' } }],
    ['subscriptions Status Revoked', { kind: 'subscriptions', filter: { by: 'status', status: 'REVOKED' } }],

    // one subscription
    [`subscription ${ID}`, { kind: 'subscription', subscriptionId: ID }],
    [`subscription ${ID.toLowerCase()}`, { kind: 'subscription', subscriptionId: ID }],
    [`cancel ${ID}`, { kind: 'cancel', subscriptionId: ID }],
    [`retry ${ID}`, { kind: 'retry', subscriptionId: ID }],
    [`modify ${ID} select Read only from now on`, { kind: 'modify', subscriptionId: ID, permissions: ['SELECT'], reason: 'Read only from now on' }],
    [`modify ${ID} describe, Select "all good"`, { kind: 'modify', subscriptionId: ID, permissions: ['SELECT', 'DESCRIBE'], reason: 'all good' }],
    [`modify ${ID} SELECT,describe alter select Schema changes`, { kind: 'modify', subscriptionId: ID, permissions: ['SELECT', 'ALTER', 'DESCRIBE'], reason: 'Schema changes' }],
    [`revoke ${ID} The project ended`, { kind: 'revoke', subscriptionId: ID, reason: 'The project ended' }],
    [`revoke ${ID} "The project ended"`, { kind: 'revoke', subscriptionId: ID, reason: 'The project ended' }],
    [`revoke ${ID} asked by <@U0ALICE|alice>`, { kind: 'revoke', subscriptionId: ID, reason: 'asked by @alice' }],

    // admin
    ['admin map <@U0BOB|bob> 999999999999 consumer', { kind: 'admin-map', userId: 'U0BOB', accountId: '999999999999', persona: 'consumer' }],
    ['ADMIN Map <@U0BOB> 9999-9999-9999 Producer', { kind: 'admin-map', userId: 'U0BOB', accountId: '999999999999', persona: 'producer' }],
    ['admin unmap <@W0ENT|ann> 111111111111', { kind: 'admin-unmap', userId: 'W0ENT', accountId: '111111111111' }],
    ['admin enable 111111111111 producer', { kind: 'admin-enable', accountId: '111111111111', persona: 'producer' }],
    ['admin enable 999999999999 consumer --query-roles Analyst,arn:aws:iam::999999999999:role/bi/Reporting', {
      kind: 'admin-enable', accountId: '999999999999', persona: 'consumer', queryRoles: ['Analyst', 'arn:aws:iam::999999999999:role/bi/Reporting'],
    }],
    ['admin enable 999999999999 consumer --QUERY-ROLES=Analyst', { kind: 'admin-enable', accountId: '999999999999', persona: 'consumer', queryRoles: ['Analyst'] }],
    ['admin accounts', { kind: 'admin-accounts' }],
  ])('%j', (text, command) => {
    expect(parseMeshCommand(text)).toEqual(command);
  });
});

describe('parseMeshCommand: request, tables before permissions before the reason', () => {
  // The rule: the word after the product is the permissions when one of its comma parts names a
  // permission, except a lone `all` (all tables); otherwise it is the tables and the next word must be
  // the permissions. The reason is the rest and only follows permissions. No reason: the modal.
  it.each<[string, MeshCommand]>([
    [`request ${P}`, { kind: 'request', product: P, needsModal: true }],
    [`request ${P} usecase1`, { kind: 'request', product: P, tables: ['usecase1'], needsModal: true }],
    [`request ${P} Usecase1,usecase2,usecase1,`, { kind: 'request', product: P, tables: ['usecase1', 'usecase2'], needsModal: true }],
    [`request ${P} all`, { kind: 'request', product: P, tables: 'all', needsModal: true }],
    [`request ${P} *`, { kind: 'request', product: P, tables: 'all', needsModal: true }],
    [`request ${P} ALL select`, { kind: 'request', product: P, tables: 'all', permissions: ['SELECT'], needsModal: true }],
    [`request ${P} select`, { kind: 'request', product: P, permissions: ['SELECT'], needsModal: true }],
    [`request ${P} describe,SELECT`, { kind: 'request', product: P, permissions: ['SELECT', 'DESCRIBE'], needsModal: true }],
    [`request ${P} usecase1 select`, { kind: 'request', product: P, tables: ['usecase1'], permissions: ['SELECT'], needsModal: true }],
    [`request ${P} select Churn model for Q4`, { kind: 'request', product: P, permissions: ['SELECT'], reason: 'Churn model for Q4', needsModal: false }],
    [`request ${P} all all Need everything`, { kind: 'request', product: P, tables: 'all', permissions: ['ALL'], reason: 'Need everything', needsModal: false }],
    [`request ${P} all,select Need it`, { kind: 'request', product: P, permissions: ['ALL', 'SELECT'], reason: 'Need it', needsModal: false }],
    [`request ${P} * all,describe`, { kind: 'request', product: P, tables: 'all', permissions: ['ALL', 'DESCRIBE'], needsModal: true }],
    [`request ${P} select Drop old rows, select new`, { kind: 'request', product: P, permissions: ['SELECT'], reason: 'Drop old rows, select new', needsModal: false }],
    [`request ${P} select “Churn model” for <@U0ALICE|alice>`, { kind: 'request', product: P, permissions: ['SELECT'], reason: 'Churn model for @alice', needsModal: false }],
    [`request ${P} usecase1 select ""`, { kind: 'request', product: P, tables: ['usecase1'], permissions: ['SELECT'], needsModal: true }],
    // A lone misspelt permission reads as a table; the modal shows it before anything is sent.
    [`request ${P} SELEC`, { kind: 'request', product: P, tables: ['selec'], needsModal: true }],
  ])('%j', (text, command) => {
    expect(parseMeshCommand(text)).toEqual(command);
  });

  it.each<[string, string]>([
    ['request', 'missing the product.'],
    [`request ${P} usecase1 SELEC need it`, `\`SELEC\` is not a permission ${PERMISSION_LIST}. Did you mean \`SELECT\`? After the tables (\`usecase1\`) come the permissions, then the reason.`],
    [`request ${P} select,Selec`, `\`Selec\` is not a permission ${PERMISSION_LIST}. Did you mean \`SELECT\`?`],
    [`request ${P} Need it for Q4`, `\`it\` is not a permission ${PERMISSION_LIST}. After the tables (\`Need\`) come the permissions, then the reason.`],
    [`request ${P} "Churn model"`, '`Churn model` is not a table name (a-z, 0-9, _ and -).'],
    [`request ${P} usecase1 <@U0ALICE|alice>`, '`@alice` is a mention, not a permission. After the tables (`usecase1`) come the permissions, then the reason.'],
    [`request <#C1|data-products>`, '`#data-products` is a channel, not the product.'],
    [`request ${P} ,`, '`,` names no table.'],
    [`request ${P} select ${'x'.repeat(4097)}`, 'the reason is longer than 4,096 characters.'],
  ])('%j is refused', (text, problem) => {
    expect(parseMeshCommand(text)).toEqual(refused('request', problem));
  });
});

describe('parseMeshCommand: malformed forms', () => {
  it.each<[string, string, string]>([
    ['product', 'product', 'missing the product.'],
    [`product ${P} extra words`, 'product', 'unexpected `extra words`.'],
    ['product <@U0ALICE|alice>', 'product', '`@alice` is a mention, not the product.'],
    ['product <!subteam^S1|@team>', 'product', '`@team` is a user group, not the product.'],
    [`product ${'p'.repeat(256)}`, 'product', 'the product id is longer than 255 characters.'],

    ['publish', 'publish', 'missing the database.'],
    ['publish "tel co"', 'publish', '`tel co` is not a database name (a-z, 0-9, _ and -).'],
    ['publish telco usecase1 usecase2', 'publish', 'unexpected `usecase2`: after the database comes at most one table or pattern; quote values with spaces.'],
    ['publish telco --nmae x', 'publish', 'unknown option `--nmae` (--name, --domain, --description, --owners, --mesh-db, --offer, --no-public). Did you mean `--name`?'],
    ['publish telco --name', 'publish', '`--name` needs a value: `--name "Telco use cases"`.'],
    ['publish telco --name --domain telco', 'publish', '`--name` needs a value: `--name "Telco use cases"`.'],
    ['publish telco --name a --name b', 'publish', '`--name` is given twice.'],
    ['publish telco --name "  "', 'publish', '`--name` is empty.'],
    [`publish telco --name ${'n'.repeat(201)}`, 'publish', '`--name` is longer than 200 characters.'],
    [`publish telco --description "${'d'.repeat(4097)}"`, 'publish', '`--description` is longer than 4,096 characters.'],
    ['publish telco --owners', 'publish', '`--owners` needs at least one @mention: `--owners @alice @bob`.'],
    ['publish telco --owners usecase*', 'publish', '`--owners` needs at least one @mention: `--owners @alice @bob`.'],
    ['publish telco --owners <@U0ALICE> @bob', 'publish', '`@bob` is not a linked mention: pick the person from Slack’s @ list so that Slack sends who it is.'],
    ['publish telco --owners <!subteam^S1|@team>', 'publish', '`@team` is a user group; name one person.'],
    ['publish telco --owners=<@U0ALICE>', 'publish', 'write the owners after a space: `--owners @alice @bob`.'],
    ['publish telco --no-public=yes', 'publish', '`--no-public` takes no value.'],
    ['publish telco --offer selct', 'publish', '`--offer`: `selct` is not a permission (ALL, SELECT, INSERT, DELETE, ALTER, DROP, DESCRIBE). Did you mean `SELECT`?'],
    ['publish telco --offer', 'publish', '`--offer` needs a value: `--offer select,describe`.'],
    ['publish telco /[a/', 'publish', '`/[a/` is not a valid regular expression.'],
    ['publish telco use?case*', 'publish', '`use?case*` is not a table pattern (a-z, 0-9, _, - and *).'],
    ['publish telco --mesh-db "Mesh DB"', 'publish', '`Mesh DB` is not a mesh database name (a-z, 0-9, _ and -).'],

    ['subscriptions status', 'subscriptions', `missing the status ${STATUS_LIST}.`],
    ['subscriptions status activ', 'subscriptions', `\`activ\` is not a status ${STATUS_LIST}. Did you mean \`ACTIVE\`?`],
    ['subscriptions active', 'subscriptions', '`active` is not a filter (mine, product, status). To list by status, write `status active`.'],
    ['subscriptions mien', 'subscriptions', '`mien` is not a filter (mine, product, status). Did you mean `mine`?'],
    ['subscriptions mine extra', 'subscriptions', 'unexpected `extra`.'],
    ['subscriptions product', 'subscriptions', 'missing the product.'],

    ['subscription', 'subscription', 'missing the subscription id.'],
    ['subscription 123', 'subscription', '`123` is not a subscription id (26 letters and digits, such as `01HZY3J5Q8W6V2K7N4R9T0BCDE`).'],
    ['subscription 01HZY3J5Q8W6V2K7N4R9T0BCDU', 'subscription', '`01HZY3J5Q8W6V2K7N4R9T0BCDU` is not a subscription id (26 letters and digits, such as `01HZY3J5Q8W6V2K7N4R9T0BCDE`).'],
    [`cancel ${ID} now`, 'cancel', 'unexpected `now`.'],
    ['retry', 'retry', 'missing the subscription id.'],
    [`modify ${ID}`, 'modify', `missing the permissions ${PERMISSION_LIST}.`],
    [`modify ${ID} ,`, 'modify', `missing the permissions ${PERMISSION_LIST}.`],
    [`modify ${ID} SELEC why`, 'modify', `\`SELEC\` is not a permission ${PERMISSION_LIST}. Did you mean \`SELECT\`?`],
    [`modify ${ID} <@U0ALICE>`, 'modify', '`@U0ALICE` is a mention, not a permission.'],
    [`modify ${ID} select`, 'modify', 'missing the reason: after the permissions, say why the access changes (the requester is told).'],
    [`modify ${ID} select ${'r'.repeat(901)}`, 'modify', 'the reason is longer than 900 characters.'],
    ['modify 123 select', 'modify', '`123` is not a subscription id (26 letters and digits, such as `01HZY3J5Q8W6V2K7N4R9T0BCDE`).'],
    [`revoke ${ID}`, 'revoke', 'missing the reason.'],
    [`revoke ${ID} ""`, 'revoke', 'missing the reason.'],
    [`revoke ${ID} ${'r'.repeat(4097)}`, 'revoke', 'the reason is longer than 4,096 characters.'],

    ['pending now', 'pending', 'unexpected `now`.'],
    ['whoami <@U0ALICE|alice>', 'whoami', 'unexpected `@alice`.'],

    ['admin map', 'admin map', 'missing the user (an @mention).'],
    ['admin map @bob 999999999999 consumer', 'admin map', '`@bob` is not a linked mention: pick the person from Slack’s @ list so that Slack sends who it is.'],
    ['admin map bob 999999999999 consumer', 'admin map', '`bob` is not an @mention of a person.'],
    ['admin map <#C1|general> 999999999999 consumer', 'admin map', '`#general` is a channel, not a person.'],
    ['admin map <@U0BOB|bob>', 'admin map', 'missing the account id.'],
    ['admin map <@U0BOB|bob> 12345 consumer', 'admin map', '`12345` is not an AWS account id (12 digits).'],
    ['admin map <@U0BOB|bob> 9999-9999-999 consumer', 'admin map', '`9999-9999-999` is not an AWS account id (12 digits).'],
    ['admin map <@U0BOB|bob> 999999999999', 'admin map', 'missing the role (producer or consumer).'],
    ['admin map <@U0BOB|bob> 999999999999 admin', 'admin map', '`admin` is not a role (producer, consumer).'],
    ['admin map <@U0BOB|bob> 999999999999 prod', 'admin map', '`prod` is not a role (producer, consumer). Did you mean `producer`?'],
    ['admin unmap <@U0BOB|bob> 999999999999 consumer', 'admin unmap', 'unexpected `consumer`.'],
    ['admin enable 111111111111 consumer extra', 'admin enable', 'unexpected `extra`.'],
    ['admin enable 111111111111 producer --query-roles Analyst', 'admin enable', '`--query-roles` names the roles that query in a consumer account; leave it out for a producer.'],
    ['admin enable 999999999999 consumer --query-roles', 'admin enable', '`--query-roles` needs role names or ARNs, e.g. `--query-roles Analyst`.'],
    ['admin enable 999999999999 consumer --roles Analyst', 'admin enable', 'unknown option `--roles`; the option here is `--query-roles`.'],
    ['admin enable 999999999999 consumer --query-roles Analyst extra', 'admin enable', 'unexpected `extra`.'],
    [`request ${P} select --query-roles <@U0BOB|bob> Churn`, 'request', '`--query-roles` needs role names or ARNs, e.g. `--query-roles Analyst`.'],
    ['admin accounts all', 'admin accounts', 'unexpected `all`.'],

    ['help foo', 'help', 'unknown command `foo`.'],
    ['help reqest', 'help', 'unknown command `reqest`. Did you mean `request`?'],
    ['help request extra', 'help', 'unexpected `extra`.'],
    ['request "telco', 'request', 'the quote `"telco` is not closed. Close it, or write `\\"` for a quote inside text.'],
    ['publish telco --description “Churn features', 'publish', 'the quote `“Churn features` is not closed. Close it, or write `\\"` for a quote inside text.'],
  ])('%j', (text, name, problem) => {
    expect(parseMeshCommand(text)).toEqual(refused(name, problem));
  });

  it.each<[string, string]>([
    ['publihs telco', `unknown command \`publihs\`. Did you mean \`publish\`? Commands: ${COMMAND_LIST}.`],
    ['subscriptoins', `unknown command \`subscriptoins\`. Did you mean \`subscriptions\` or \`subscription\`? Commands: ${COMMAND_LIST}.`],
    ['foo', `unknown command \`foo\`. Commands: ${COMMAND_LIST}.`],
    ['"admin map" <@U0BOB> 999999999999 consumer', `unknown command \`admin map\`. Commands: ${COMMAND_LIST}.`],
    ['<!channel>', `unknown command \`@channel\`. Commands: ${COMMAND_LIST}.`],
    ['&lt;!channel&gt; hi', `unknown command \`&lt;!channel&gt;\`. Commands: ${COMMAND_LIST}.`],
    ['foo "bar', 'the quote `"bar` is not closed. Close it, or write `\\"` for a quote inside text.'],
  ])('%j is not a command', (text, problem) => {
    expect(parseMeshCommand(text)).toEqual({ kind: 'usage-error', message: `\`/mesh\`: ${problem}`, usage: allUsageLines() });
  });

  it.each<[string, string]>([
    ['admin', '`/mesh admin`: missing the admin command (`map`, `unmap`, `enable`, `accounts`).'],
    ['admin mpa', '`/mesh admin`: unknown admin command `mpa`. Did you mean `map`? Admin commands: `map`, `unmap`, `enable`, `accounts`.'],
  ])('%j names the admin commands', (text, message) => {
    expect(parseMeshCommand(text)).toEqual({ kind: 'usage-error', message, usage: ADMIN_USAGE });
  });

  it('echoes long words clipped, so a message stays short', () => {
    const result = parseMeshCommand(`${'x'.repeat(5000)} y`);
    expect(result).toMatchObject({ kind: 'usage-error', message: `\`/mesh\`: unknown command \`${'x'.repeat(59)}…\`. Commands: ${COMMAND_LIST}.` });
  });
});
