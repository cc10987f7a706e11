import type { DataProduct } from '../../domain/data-product';
import type { Identity } from '../../domain/identity';
import type { MeshAccount } from '../../domain/mesh-account';
import { queryRoleArns, roleNameOf } from '../../domain/query-principal';
import type { Permission } from '../../domain/permission';
import { InvalidInputError } from '../../errors';

/**
 * The consumer account a request is for: the one named, else the requester's only consumer account.
 * Several (or none) and none named → InvalidInputError listing the choices.
 */
export function chooseConsumerAccount(named: string | undefined, identity: Identity | undefined): string {
  if (named !== undefined) return named;
  const mine = [...new Set(identity?.personas.filter((p) => p.kind === 'consumer').map((p) => p.accountId) ?? [])].sort();
  if (mine.length === 1 && mine[0] !== undefined) return mine[0];
  if (mine.length === 0) throw new InvalidInputError('you are not mapped as a consumer of any account', 'name the consumer account, or ask a mesh admin to map you');
  throw new InvalidInputError(`you consume for several accounts (${mine.join(', ')})`, 'name the consumer account the request is for');
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
  const problems: string[] = [];
  const hints: string[] = [];
  if (unknown.length > 0) {
    problems.push(`product ${product.id} has no table ${unknown.join(', ')}`);
    hints.push(`its tables are ${product.tables.join(', ')}`);
  }
  if (unoffered.length > 0) {
    problems.push(`product ${product.id} does not offer ${unoffered.join(', ')}`);
    hints.push(`it offers ${product.offeredPermissions.join(', ')}`);
  }
  if (problems.length > 0) throw new InvalidInputError(problems.join('; '), hints.join('; '));
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
  const { arns, problems } = queryRoleArns(named, account.accountId);
  const unknown = arns.filter((arn) => !known.includes(arn));
  if (unknown.length > 0) problems.push(`${unknown.map(roleNameOf).join(', ')} ${unknown.length === 1 ? 'is not a query role' : 'are not query roles'} of account ${account.accountId}`);
  if (problems.length > 0) {
    const hint = known.length === 0 ? `account ${account.accountId} has no query roles yet: a mesh admin names them with \`/mesh admin enable ${account.accountId} consumer --query-roles <role,…>\`` : `its query roles are ${known.map(roleNameOf).join(', ')}`;
    throw new InvalidInputError(problems.join('; '), hint);
  }
  return arns;
}
