import type * as z from 'zod';
import { AccountIdSchema } from '../../mesh/domain/account-id';
import { DataProductSchema, GlueNameSchema } from '../../mesh/domain/data-product';
import { PERMISSIONS, PermissionSetSchema, type Permission } from '../../mesh/domain/permission';
import { SubscriptionIdSchema } from '../../mesh/domain/subscription';
import { SUBSCRIPTION_STATUSES, SubscriptionStatusSchema, type SubscriptionStatus } from '../../mesh/domain/subscription-status';
import { suggestion } from './did-you-mean';
import { MappablePersonaSchema, TablePatternSchema, type MappablePersona, type RequestedTables } from './mesh-command';
import { echoWord } from './echo-word';
import type { Token } from './tokenize';

/** A value read from the tokens, or the problem with them as one mrkdwn sentence. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A successful read. */
export function ok<T>(value: T): Read<T> {
  return { ok: true, value };
}

/** A failed read; `problem` is a full sentence, e.g. "missing the product.". */
export function fail(problem: string): { ok: false; problem: string } {
  return { ok: false, problem };
}

/** "`@pat` is a mention, not the product." for a Slack reference where a word belongs. */
function notAWord(token: Token, what: string): string {
  const nature = token.kind === 'user' ? 'a mention' : token.kind === 'channel' ? 'a channel' : 'a user group';
  return `${echoWord(token.text)} is ${nature}, not ${what}.`;
}

/** One sentence for a failed length check: "`--name` is longer than 200 characters.". */
export function lengthProblem(subject: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.code === 'too_big') return `${subject} is longer than ${Number(issue.maximum).toLocaleString('en-US')} characters.`;
  if (issue?.code === 'too_small') return `${subject} is empty.`;
  return `${subject}: ${issue?.message ?? 'not valid'}.`;
}

/** A plain word, not a mention; `what` names it in messages ("the product"). */
function readWord(token: Token | undefined, what: string): Read<string> {
  if (token === undefined) return fail(`missing ${what}.`);
  if (token.kind !== 'word') return fail(notAWord(token, what));
  return ok(token.text);
}

/** Complains about tokens left over where the command takes no more: "unexpected `a b`.". */
export function nothingAfter<T>(args: readonly Token[], from: number, value: T): Read<T> {
  const extra = args.slice(from);
  return extra.length === 0 ? ok(value) : fail(`unexpected ${echoWord(extra.map((token) => token.text).join(' '))}.`);
}

/** Free text: the tokens' texts joined by single spaces, trimmed. Quotes only group; they are not kept. */
export function restText(args: readonly Token[]): string {
  return args
    .map((token) => token.text)
    .join(' ')
    .trim();
}

/** The parts of a permission or table list: `select, Describe` → `['select', 'Describe']`. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part !== '');
}

/** Whether a word is a permission name, in any case. */
export function isPermissionName(part: string): boolean {
  return (PERMISSIONS as readonly string[]).includes(part.toUpperCase());
}

/** A product id (its mesh database by default), as typed: `telco-111111111111`. */
export function readProduct(token: Token | undefined): Read<string> {
  const word = readWord(token, 'the product');
  if (!word.ok) return word;
  const checked = DataProductSchema.shape.id.safeParse(word.value);
  return checked.success ? ok(checked.data) : fail(lengthProblem('the product id', checked.error));
}

/** A Glue name, lower-cased as Glue itself does: `Telco` → `telco`. `noun` is "database name", "table name"… */
export function glueName(text: string, noun: string): Read<string> {
  const lower = text.toLowerCase();
  if (lower.length > 255) return fail(`the ${noun} is longer than 255 characters.`);
  return GlueNameSchema.safeParse(lower).success ? ok(lower) : fail(`${echoWord(text)} is not a ${noun} (a-z, 0-9, _ and -).`);
}

/** A Glue name from a token; `what` names the argument when it is missing. */
export function readGlueName(token: Token | undefined, what: string, noun: string): Read<string> {
  const word = readWord(token, what);
  return word.ok ? glueName(word.value, noun) : word;
}

/** Whether `/body/` compiles; a pattern the bot could not use is refused now rather than at publish. */
function compiles(body: string): boolean {
  try {
    new RegExp(body);
    return true;
  } catch {
    return false;
  }
}

/** What `publish` selects: a table, a `*` glob (lower-cased) or a `/regex/` (kept as typed). */
export function readTablePattern(token: Token | undefined): Read<string> {
  const word = readWord(token, 'the table or pattern');
  if (!word.ok) return word;
  const text = word.value;
  const length = TablePatternSchema.safeParse(text);
  if (!length.success) return fail(lengthProblem('the table pattern', length.error));
  if (text.length >= 3 && text.startsWith('/') && text.endsWith('/')) {
    return compiles(text.slice(1, -1)) ? ok(text) : fail(`${echoWord(text)} is not a valid regular expression.`);
  }
  if (text.includes('*')) {
    const lower = text.toLowerCase();
    return /^[a-z0-9_*-]+$/.test(lower) ? ok(lower) : fail(`${echoWord(text)} is not a table pattern (a-z, 0-9, _, - and *).`);
  }
  return glueName(text, 'table name');
}

/** The tables of a request: `all` or `*`, or a comma list of table names, lower-cased and de-duplicated. */
export function readTables(token: Token | undefined): Read<RequestedTables> {
  const word = readWord(token, 'the tables');
  if (!word.ok) return word;
  const lower = word.value.toLowerCase();
  if (lower === 'all' || lower === '*') return ok('all');
  // Commas only: a space inside a quoted word is a mistake to name, not a second table.
  const parts = word.value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return fail(`${echoWord(word.value)} names no table.`);
  const tables: string[] = [];
  for (const part of parts) {
    const table = glueName(part, 'table name');
    if (!table.ok) return table;
    if (!tables.includes(table.value)) tables.push(table.value);
  }
  return ok(tables);
}

/** Permissions from one or more tokens, separated by commas or spaces, any case: `select,DESCRIBE`. */
export function readPermissions(tokens: readonly Token[]): Read<Permission[]> {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word') return fail(notAWord(token, 'a permission'));
    parts.push(...splitList(token.text));
  }
  if (parts.length === 0) return fail(`missing the permissions (${PERMISSIONS.join(', ')}).`);
  const unknown = parts.find((part) => !isPermissionName(part));
  if (unknown !== undefined) {
    return fail(`${echoWord(unknown)} is not a permission (${PERMISSIONS.join(', ')}).${suggestion(unknown.toUpperCase(), PERMISSIONS)}`);
  }
  const set = PermissionSetSchema.safeParse(parts.map((part) => part.toUpperCase()));
  return set.success ? ok(set.data) : fail(`${set.error.issues[0]?.message ?? 'not permissions'}.`);
}

/** An AWS account id; dashes as the console shows them (`1111-1111-1111`) are dropped. */
export function readAccountId(token: Token | undefined): Read<string> {
  const word = readWord(token, 'the account id');
  if (!word.ok) return word;
  const compact = /^\d{4}-\d{4}-\d{4}$/.test(word.value) ? word.value.replace(/-/g, '') : word.value;
  return AccountIdSchema.safeParse(compact).success ? ok(compact) : fail(`${echoWord(word.value)} is not an AWS account id (12 digits).`);
}

/** A subscription id; ULIDs are case-insensitive, so it is upper-cased. */
export function readSubscriptionId(token: Token | undefined): Read<string> {
  const word = readWord(token, 'the subscription id');
  if (!word.ok) return word;
  const upper = word.value.toUpperCase();
  return SubscriptionIdSchema.safeParse(upper).success
    ? ok(upper)
    : fail(`${echoWord(word.value)} is not a subscription id (26 letters and digits, such as \`01HZY3J5Q8W6V2K7N4R9T0BCDE\`).`);
}

/** A person, as the user id of a Slack mention `<@U123|pat>`. */
export function readUser(token: Token | undefined): Read<string> {
  if (token === undefined) return fail('missing the user (an @mention).');
  switch (token.kind) {
    case 'user':
      return ok(token.userId);
    case 'usergroup':
      return fail(`${echoWord(token.text)} is a user group; name one person.`);
    case 'channel':
      return fail(`${echoWord(token.text)} is a channel, not a person.`);
    case 'word':
      // Slack sends a bare `@pat` when the name was typed rather than picked, and then no id comes with it.
      return token.text.startsWith('@')
        ? fail(`${echoWord(token.text)} is not a linked mention: pick the person from Slack’s @ list so that Slack sends who it is.`)
        : fail(`${echoWord(token.text)} is not an @mention of a person.`);
  }
}

/** The role given in an account, `producer` or `consumer`, any case. */
export function readPersona(token: Token | undefined): Read<MappablePersona> {
  const roles = MappablePersonaSchema.options;
  const word = readWord(token, `the role (${roles.join(' or ')})`);
  if (!word.ok) return word;
  const role = MappablePersonaSchema.safeParse(word.value.toLowerCase());
  return role.success ? ok(role.data) : fail(`${echoWord(word.value)} is not a role (${roles.join(', ')}).${suggestion(word.value, roles)}`);
}

/** A subscription status, any case: `active` → `ACTIVE`. */
export function readStatus(token: Token | undefined): Read<SubscriptionStatus> {
  const word = readWord(token, `the status (${SUBSCRIPTION_STATUSES.join(', ')})`);
  if (!word.ok) return word;
  const status = SubscriptionStatusSchema.safeParse(word.value.toUpperCase());
  return status.success
    ? ok(status.data)
    : fail(`${echoWord(word.value)} is not a status (${SUBSCRIPTION_STATUSES.join(', ')}).${suggestion(word.value.toUpperCase(), SUBSCRIPTION_STATUSES)}`);
}

/** The option that names query roles, in `admin enable` and `request`. */
export const QUERY_ROLES_OPTION = '--query-roles';

/**
 * `--query-roles Analyst,arn:aws:iam::999999999999:role/bi/Reporting` (or `--query-roles=…`) at
 * `args[at]`: the comma list of role names or ARNs and where the arguments go on; absent when
 * `args[at]` is not that option. The service checks the roles against the account.
 */
export function readQueryRoles(args: readonly Token[], at: number): Read<{ roles: string[]; next: number }> | undefined {
  const token = args[at];
  if (token?.kind !== 'word' || !token.raw.startsWith('--')) return undefined;
  const [name = '', inline] = token.text.split(/=(.*)/s, 2);
  if (name.toLowerCase() !== QUERY_ROLES_OPTION) return fail(`unknown option ${echoWord(name)}; the option here is ${echoWord(QUERY_ROLES_OPTION)}.`);
  const value = inline ?? args[at + 1]?.text;
  const next = inline === undefined ? at + 2 : at + 1;
  const roles = (value ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (value === undefined || roles.length === 0 || (inline === undefined && args[at + 1]?.kind !== 'word')) return fail(`${echoWord(QUERY_ROLES_OPTION)} needs role names or ARNs, e.g. ${echoWord(`${QUERY_ROLES_OPTION} Analyst`)}.`);
  return ok({ roles: [...new Set(roles)], next });
}
