import type { DataProduct } from '../../domain/data-product';
import type { Identity } from '../../domain/identity';
import type { MeshAccount } from '../../domain/mesh-account';
import { queryRoleArns, roleNameOf } from '../../domain/query-principal';
import type { Permission } from '../../domain/permission';
import type { ReasonOf, Refusal } from '../../error-reasons';
import { InvalidInputError } from '../../errors';

/**
 * The consumer account a request is for: the one named, else the requester's only consumer account.
 * Several (or none) and none named → InvalidInputError listing the choices.
 */
export function chooseConsumerAccount(named: string | undefined, identity: Identity | undefined): string {
  if (named !== undefined) return named;
  const mine = [...new Set(identity?.personas.filter((p) => p.kind === 'consumer').map((p) => p.accountId) ?? [])].sort();
  if (mine.length === 1 && mine[0] !== undefined) return mine[0];
  const path = ['consumerAccountId'];
  if (mine.length === 0) {
    throw new InvalidInputError({ reason: 'not_consumer_of_any', params: {}, path, message: 'you are not mapped as a consumer of any account', hint: 'name the consumer account, or ask a mesh admin to map you' });
  }
  throw new InvalidInputError({ reason: 'several_consumer_accounts', params: { accounts: mine }, path, message: `you consume for several accounts (${mine.join(', ')})`, hint: 'name the consumer account the request is for' });
}

/**
 * The tables and permissions a request asks of a product, checked against what it offers: tables
 * default to all of the product's; an unknown table or an unoffered permission is refused naming
 * what the product has.
 */
export function checkAgainstProduct(product: DataProduct, request: { tables?: readonly string[] | undefined; permissions: readonly Permission[] }): { tables: string[]; permissions: Permission[] } {
  const tables = request.tables === undefined ? [...product.tables] : [...new Set(request.tables)];
  const unknown = tables.filter((t) => !product.tables.includes(t));
  const unoffered = request.permissions.filter((p) => !product.offeredPermissions.includes(p));
  const problems: Refusal<ReasonOf<'mesh_invalid_input'>>[] = [];
  if (unknown.length > 0) {
    problems.push({
      reason: 'unknown_table',
      params: { productId: product.id, tables: unknown, productTables: product.tables },
      path: ['tables'],
      message: `product ${product.id} has no table ${unknown.join(', ')}`,
      hint: `its tables are ${product.tables.join(', ')}`,
    });
  }
  if (unoffered.length > 0) {
    problems.push({
      reason: 'permission_not_offered',
      params: { productId: product.id, permissions: unoffered, offered: product.offeredPermissions },
      path: ['permissions'],
      message: `product ${product.id} does not offer ${unoffered.join(', ')}`,
      hint: `it offers ${product.offeredPermissions.join(', ')}`,
    });
  }
  const [first, ...more] = problems;
  if (first !== undefined) throw new InvalidInputError([first, ...more]);
  return { tables: tables.toSorted(), permissions: [...request.permissions] };
}

/**
 * The query roles a request is for: those named (names or ARNs), each one the consumer account
 * recorded, else all the account's (none recorded: none). A role the account has not named is refused,
 * listing the ones it has.
 */
export function chooseQueryPrincipals(named: readonly string[] | undefined, account: MeshAccount): string[] {
  const known = account.queryPrincipals ?? [];
  if (named === undefined) return [...known];
  const { accountId } = account;
  const { arns, problems } = queryRoleArns(named, accountId);
  const unknown = arns.filter((arn) => !known.includes(arn));
  const hint = known.length === 0 ? `account ${accountId} has no query roles yet: a mesh admin names them when enabling it as a consumer` : `its query roles are ${known.map(roleNameOf).join(', ')}`;
  const path = ['queryPrincipals'];
  const all: Refusal<ReasonOf<'mesh_invalid_input'>>[] = problems.map((problem) => ({ ...problem, path, hint }));
  if (unknown.length > 0) {
    all.push({
      reason: 'not_a_query_role',
      params: { roles: unknown, accountId, queryRoles: known },
      path,
      message: `${unknown.map(roleNameOf).join(', ')} ${unknown.length === 1 ? 'is not a query role' : 'are not query roles'} of account ${accountId}`,
      hint,
    });
  }
  const [first, ...more] = all;
  if (first !== undefined) throw new InvalidInputError([first, ...more]);
  return arns;
}
