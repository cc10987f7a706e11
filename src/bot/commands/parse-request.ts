import { JustificationSchema } from '../../mesh/domain/subscription';
import type { CommandOf } from './mesh-command';
import { echoWord } from './echo-word';
import { fail, isPermissionName, ok, readPermissions, readProduct, readQueryRoles, readTables, restText, splitList, type Read } from './parse-arguments';
import type { Token } from './tokenize';

/**
 * Whether the word after the product is the permissions rather than the tables: one of its parts
 * names a permission (so `select,selec` is read as permissions and `selec` is then named as the
 * mistake), except a lone `all`, which means all tables; the ALL permission goes after the tables.
 */
function namesPermissions(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const parts = splitList(token.text);
  if (parts.length === 1 && parts[0]?.toLowerCase() === 'all') return false;
  return parts.some(isPermissionName);
}

/**
 * Reads `request <product> [tables] [permissions] [--query-roles R,…] [reason…]`. The rule, so that no word is silently
 * taken for another: the word after the product is the permissions if it names one (see
 * `namesPermissions`), else the tables; after the tables, the next word must be the permissions; the
 * query roles may follow the permissions; the reason is the rest, and can only follow the permissions. No reason: `needsModal`, and the bot
 * opens the request modal filled in with the rest.
 * Example: `telco-111111111111 usecase1,usecase2 select,describe Churn model for Q4`.
 */
export function parseRequest(args: readonly Token[]): Read<CommandOf<'request'>> {
  const product = readProduct(args[0]);
  if (!product.ok) return product;
  const command: CommandOf<'request'> = { kind: 'request', product: product.value, needsModal: true };
  const first = args[1];
  if (first === undefined) return ok(command);
  let reasonFrom = 2;
  if (namesPermissions(first)) {
    const permissions = readPermissions([first]);
    if (!permissions.ok) return permissions;
    command.permissions = permissions.value;
  } else {
    const tables = readTables(first);
    if (!tables.ok) return tables;
    command.tables = tables.value;
    const second = args[2];
    if (second === undefined) return ok(command);
    const permissions = readPermissions([second]);
    if (!permissions.ok) {
      return fail(`${permissions.problem} After the tables (${echoWord(first.text)}) come the permissions, then the reason.`);
    }
    command.permissions = permissions.value;
    reasonFrom = 3;
  }
  const roles = readQueryRoles(args, reasonFrom);
  if (roles !== undefined) {
    if (!roles.ok) return roles;
    command.queryRoles = roles.value.roles;
    reasonFrom = roles.value.next;
  }
  const rest = restText(args.slice(reasonFrom));
  if (rest === '') return ok(command);
  const reason = JustificationSchema.safeParse(rest);
  if (!reason.success) return fail(`${reason.error.issues[0]?.message ?? 'the reason is not valid'}.`);
  return ok({ ...command, reason: reason.data, needsModal: false });
}
