import { glueCatalog } from '../../aws/glue-catalog';
import { ROLE_NAMES } from '../../domain/account-roles';
import { sourceIdentityOf } from '../../domain/system-actor';
import { NotFoundError } from '../../errors';
import type { MeshDeps } from '../mesh-deps';
import { actorOf, type Caller } from '../request-context';
import { isResourceLink } from './mirror-table';
import { selectTables } from './select-tables';

/** Which source to read: a producer's database and the pattern that selects its tables. */
export interface SourceScope {
  producerAccountId: string;
  sourceDatabase: string;
  tablePattern: string | undefined;
}

/** The refusal of a publish whose source database the producer account does not have. */
export function sourceDatabaseNotFound(sourceDatabase: string, producerAccountId: string): NotFoundError {
  return new NotFoundError({
    reason: 'source_database_not_found',
    params: { database: sourceDatabase, accountId: producerAccountId },
    path: ['sourceDatabase'],
    message: `no database ${sourceDatabase} in account ${producerAccountId}`,
    hint: "check the database name in the producer account's Glue catalog; Glue names are lower case",
  });
}

/**
 * The tables a pattern would select in the source, read as the producer's own role and changing
 * nothing: what a publish would make of a product, known before it is confirmed.
 */
export async function sourceSelection(deps: MeshDeps, ctx: Caller, scope: SourceScope): Promise<string[]> {
  const { producerAccountId, sourceDatabase } = scope;
  const role = { actor: sourceIdentityOf(actorOf(ctx)), requestId: ctx.requestId, accountId: producerAccountId, roleName: ROLE_NAMES.producer };
  const source = glueCatalog({ client: deps.clientsFor(role).glue, catalogId: producerAccountId, roleName: role.roleName, accountId: producerAccountId, retry: deps.executor ?? {} });
  if (!(await source.getDatabase(sourceDatabase))) {
    throw sourceDatabaseNotFound(sourceDatabase, producerAccountId);
  }
  const names = (await source.listTables(sourceDatabase)).filter((t) => !isResourceLink(t) && t.Name !== undefined).map((t) => t.Name?.toLowerCase() ?? '');
  return selectTables(names, scope.tablePattern, sourceDatabase);
}
