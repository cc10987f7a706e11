import { formatIssues } from '../../mesh/domain/format-issues';
import { JustificationSchema } from '../../mesh/domain/subscription';
import { COMMAND } from '../interaction-ids';
import { COMMAND_SPECS, findSpec, HELP_TOPICS, type CommandName, type CommandSpec, type HelpTopic, type KnownSpec } from './command-specs';
import { suggestion } from './did-you-mean';
import { allUsageLines, specsOf, usageLine } from './help-text';
import { MeshCommandSchema, type CommandOf, type MeshCommand, type SubscriptionsFilter } from './mesh-command';
import { echoWord } from './echo-word';
import {
  fail,
  isPermissionName,
  nothingAfter,
  ok,
  QUERY_ROLES_OPTION,
  readAccountId,
  readPermissions,
  readPersona,
  readProduct,
  readQueryRoles,
  readStatus,
  readSubscriptionId,
  readUser,
  restText,
  splitList,
  type Read,
} from './parse-arguments';
import { parsePublish } from './parse-publish';
import { parseRequest } from './parse-request';
import { tokenize, type Token } from './tokenize';
import { usageError, type UsageError } from './usage-error';

type Parser = (args: readonly Token[]) => Read<MeshCommand>;

/** What the user types first: the commands, with the admin ones under one word. */
const TOP_LEVEL = [...COMMAND_SPECS.filter((spec) => !spec.admin).map((spec) => spec.name), 'admin'];
const ADMIN_COMMANDS = COMMAND_SPECS.filter((spec) => spec.admin).map((spec) => spec.name.replace(/^admin /, ''));

function isHelpTopic(word: string): word is HelpTopic {
  return (HELP_TOPICS as readonly string[]).includes(word);
}

/** `help [command]`; `help admin map` and `help admin` both work. */
function parseHelp(args: readonly Token[]): Read<CommandOf<'help'>> {
  const words = args.map((token) => token.text.toLowerCase());
  const [first, second] = words;
  if (first === undefined) return ok({ kind: 'help' });
  const two = `${first} ${second ?? ''}`;
  if (isHelpTopic(two)) return nothingAfter(args, 2, { kind: 'help', topic: two });
  if (isHelpTopic(first)) return nothingAfter(args, 1, { kind: 'help', topic: first });
  return fail(`unknown command ${echoWord(args[0]?.text ?? first)}.${suggestion(first, HELP_TOPICS)}`);
}

/** `products [text…]`: everything after the command is the search. */
function parseProducts(args: readonly Token[]): Read<CommandOf<'products'>> {
  const query = restText(args);
  if (query.length > 500) return fail('the search is longer than 500 characters.');
  return ok(query === '' ? { kind: 'products' } : { kind: 'products', query });
}

function parseProduct(args: readonly Token[]): Read<CommandOf<'product'>> {
  const product = readProduct(args[0]);
  return product.ok ? nothingAfter(args, 1, { kind: 'product', product: product.value }) : product;
}

const FILTERS = ['mine', 'product', 'status'];

/** `subscriptions [mine | product <id> | status <s>]`. */
function parseSubscriptions(args: readonly Token[]): Read<CommandOf<'subscriptions'>> {
  const listed = (filter: SubscriptionsFilter, used: number): Read<CommandOf<'subscriptions'>> =>
    nothingAfter(args, used, { kind: 'subscriptions', filter });
  const first = args[0];
  if (first === undefined) return listed({ by: 'all' }, 0);
  const word = first.text.toLowerCase();
  if (first.kind === 'word' && word === 'mine') return listed({ by: 'mine' }, 1);
  if (first.kind === 'word' && word === 'product') {
    const product = readProduct(args[1]);
    return product.ok ? listed({ by: 'product', product: product.value }, 2) : product;
  }
  if (first.kind === 'word' && word === 'status') {
    const status = readStatus(args[1]);
    return status.ok ? listed({ by: 'status', status: status.value }, 2) : status;
  }
  // A bare status is a likely slip; say how to write it rather than guess.
  const asStatus = readStatus(first);
  const hint = asStatus.ok ? ` To list by status, write ${echoWord(`status ${word}`)}.` : suggestion(word, FILTERS);
  return fail(`${echoWord(first.text)} is not a filter (mine, product, status).${hint}`);
}

/** The commands that take one subscription id and nothing else. */
function bySubscriptionId(kind: 'subscription' | 'cancel' | 'retry'): Parser {
  return (args) => {
    const id = readSubscriptionId(args[0]);
    return id.ok ? nothingAfter<MeshCommand>(args, 1, { kind, subscriptionId: id.value }) : id;
  };
}

/** The longest reason a modify command takes: it travels in its [Confirm] button’s value (Slack: 2,000 characters, JSON escapes at most double it). */
export const MODIFY_REASON_MAX = 900;

/**
 * `modify <id> <permissions> <reason…>`: the permissions are the words after the id that name
 * permissions (by spaces or commas); the reason, required, is the rest.
 */
function parseModify(args: readonly Token[]): Read<CommandOf<'modify'>> {
  const id = readSubscriptionId(args[0]);
  if (!id.ok) return id;
  const rest = args.slice(1);
  const namesPermissions = (token: Token): boolean => token.kind === 'word' && splitList(token.text).length > 0 && splitList(token.text).every(isPermissionName);
  const count = rest.findIndex((token) => !namesPermissions(token));
  const permissionTokens = count === -1 ? rest : rest.slice(0, count);
  const permissions = readPermissions(permissionTokens.length > 0 ? permissionTokens : rest.slice(0, 1));
  if (!permissions.ok) return permissions;
  const reason = restText(rest.slice(permissionTokens.length));
  if (reason === '') return fail('missing the reason: after the permissions, say why the access changes (the requester is told).');
  if (reason.length > MODIFY_REASON_MAX) return fail(`the reason is longer than ${MODIFY_REASON_MAX.toLocaleString('en-US')} characters.`);
  const checked = JustificationSchema.safeParse(reason);
  if (!checked.success) return fail(`${checked.error.issues[0]?.message ?? 'the reason is not valid'}.`);
  return ok({ kind: 'modify', subscriptionId: id.value, permissions: permissions.value, reason: checked.data });
}

/** `revoke <id> <reason…>`: a revoke always says why. */
function parseRevoke(args: readonly Token[]): Read<CommandOf<'revoke'>> {
  const id = readSubscriptionId(args[0]);
  if (!id.ok) return id;
  const reason = restText(args.slice(1));
  if (reason === '') return fail('missing the reason.');
  if (reason.length > 4096) return fail('the reason is longer than 4,096 characters.');
  return ok({ kind: 'revoke', subscriptionId: id.value, reason });
}

/** Commands without arguments. */
function bare(kind: 'pending' | 'whoami' | 'admin-accounts'): Parser {
  return (args) => nothingAfter<MeshCommand>(args, 0, { kind });
}

function parseAdminMap(args: readonly Token[]): Read<CommandOf<'admin-map'>> {
  const user = readUser(args[0]);
  if (!user.ok) return user;
  const accountId = readAccountId(args[1]);
  if (!accountId.ok) return accountId;
  const persona = readPersona(args[2]);
  if (!persona.ok) return persona;
  return nothingAfter(args, 3, { kind: 'admin-map', userId: user.value, accountId: accountId.value, persona: persona.value });
}

function parseAdminUnmap(args: readonly Token[]): Read<CommandOf<'admin-unmap'>> {
  const user = readUser(args[0]);
  if (!user.ok) return user;
  const accountId = readAccountId(args[1]);
  if (!accountId.ok) return accountId;
  return nothingAfter(args, 2, { kind: 'admin-unmap', userId: user.value, accountId: accountId.value });
}

function parseAdminEnable(args: readonly Token[]): Read<CommandOf<'admin-enable'>> {
  const accountId = readAccountId(args[0]);
  if (!accountId.ok) return accountId;
  const persona = readPersona(args[1]);
  if (!persona.ok) return persona;
  const command: CommandOf<'admin-enable'> = { kind: 'admin-enable', accountId: accountId.value, persona: persona.value };
  const roles = readQueryRoles(args, 2);
  if (roles === undefined) return nothingAfter(args, 2, command);
  if (!roles.ok) return roles;
  if (persona.value !== 'consumer') return fail(`${echoWord(QUERY_ROLES_OPTION)} names the roles that query in a consumer account; leave it out for a producer.`);
  return nothingAfter(args, roles.value.next, { ...command, queryRoles: roles.value.roles });
}

/** One parser per spec: a command added to the table without a parser does not compile. */
const PARSERS: Record<CommandName, Parser> = {
  help: parseHelp,
  publish: parsePublish,
  products: parseProducts,
  product: parseProduct,
  request: parseRequest,
  pending: bare('pending'),
  subscriptions: parseSubscriptions,
  subscription: bySubscriptionId('subscription'),
  modify: parseModify,
  revoke: parseRevoke,
  cancel: bySubscriptionId('cancel'),
  retry: bySubscriptionId('retry'),
  whoami: bare('whoami'),
  'admin map': parseAdminMap,
  'admin unmap': parseAdminUnmap,
  'admin enable': parseAdminEnable,
  'admin accounts': bare('admin-accounts'),
};

/** "`/mesh request`: …" with the command's usage line. */
function refusal(spec: CommandSpec, problem: string): UsageError {
  return usageError(`${echoWord(`${COMMAND} ${spec.name}`)}: ${problem}`, usageLine(spec));
}

/** The spec the text is about, as far as its first words tell, for an error found before parsing. */
function guessSpec(text: string): CommandSpec | undefined {
  const [first = '', second = ''] = text.trim().toLowerCase().split(/\s+/);
  return findSpec(first === 'admin' ? `admin ${second}` : first);
}

function unterminatedQuote(text: string, at: number): UsageError {
  const spec = guessSpec(text);
  const problem = `the quote ${echoWord(text.slice(at).trim())} is not closed. Close it, or write \`\\"\` for a quote inside text.`;
  return spec === undefined ? usageError(`${echoWord(COMMAND)}: ${problem}`, allUsageLines()) : refusal(spec, problem);
}

/** The spec for the first words (`request`, `admin map`) and the arguments after them, or the usage error naming what is unknown. */
function specFor(head: Token, rest: readonly Token[]): { spec: KnownSpec; args: readonly Token[] } | UsageError {
  const word = head.text.toLowerCase();
  if (word !== 'admin') {
    const spec = TOP_LEVEL.includes(word) ? findSpec(word) : undefined;
    if (spec !== undefined) return { spec, args: rest };
    const list = TOP_LEVEL.map(echoWord).join(', ');
    return usageError(`${echoWord(COMMAND)}: unknown command ${echoWord(head.text)}.${suggestion(word, TOP_LEVEL)} Commands: ${list}.`, allUsageLines());
  }
  const [sub, ...args] = rest;
  const adminUsage = specsOf('admin').map(usageLine).join('\n');
  const list = ADMIN_COMMANDS.map(echoWord).join(', ');
  if (sub === undefined) return usageError(`${echoWord(`${COMMAND} admin`)}: missing the admin command (${list}).`, adminUsage);
  const subWord = sub.text.toLowerCase();
  const spec = findSpec(`admin ${subWord}`);
  if (spec !== undefined) return { spec, args };
  return usageError(
    `${echoWord(`${COMMAND} admin`)}: unknown admin command ${echoWord(sub.text)}.${suggestion(subWord, ADMIN_COMMANDS)} Admin commands: ${list}.`,
    adminUsage,
  );
}

/**
 * Parses the text Slack sends after `/mesh` into a command, or a usage error saying what is wrong
 * and how to write it; never throws. `request telco-111111111111 select Churn model` →
 * `{ kind: 'request', product: 'telco-111111111111', permissions: ['SELECT'], reason: 'Churn model', needsModal: false }`.
 */
export function parseMeshCommand(text: string): MeshCommand | UsageError {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return unterminatedQuote(text, tokenized.unterminatedQuoteAt);
  const [head, ...rest] = tokenized.tokens;
  if (head === undefined) return { kind: 'help' };
  const found = specFor(head, rest);
  if ('kind' in found) return found;
  const parsed = PARSERS[found.spec.name](found.args);
  if (!parsed.ok) return refusal(found.spec, parsed.problem);
  // The readers check every value; this is the boundary's last word, and keeps the schemas honest.
  const checked = MeshCommandSchema.safeParse(parsed.value);
  return checked.success ? checked.data : refusal(found.spec, `${formatIssues(checked.error)}.`);
}
