import { AwsError } from '../aws-error';
import { findDatabase, findTable } from '../access/catalog-lookup';
import type { LfResource } from '../access/lf-resource';
import type { World } from '../world';
import { checkLocationRegistered } from './data-location-rules';

/**
 * Which permissions apply to which resource, per the Lake Formation permissions reference:
 * catalog → CREATE_DATABASE; database → ALL, ALTER, CREATE_TABLE, DESCRIBE, DROP; table → ALL,
 * ALTER, DELETE, DESCRIBE, DROP, INSERT, SELECT; columns → SELECT only; resource links → ALL,
 * DESCRIBE, DROP (a link's permissions never reach its target); data location → DATA_LOCATION_ACCESS
 * only ("Underlying data access control": `grant DATA_LOCATION_ACCESS to principal on S3 location`).
 */
const APPLICABLE = {
  catalog: ['CREATE_DATABASE'],
  database: ['ALL', 'ALTER', 'CREATE_TABLE', 'DESCRIBE', 'DROP'],
  table: ['ALL', 'ALTER', 'DELETE', 'DESCRIBE', 'DROP', 'INSERT', 'SELECT'],
  columns: ['SELECT'],
  link: ['ALL', 'DESCRIBE', 'DROP'],
  location: ['DATA_LOCATION_ACCESS'],
} as const;

function isLink(world: World, resource: LfResource): boolean {
  if (resource.kind === 'database') return findDatabase(world, resource.catalogId, resource.database)?.database.TargetDatabase !== undefined;
  if (resource.kind === 'table' && resource.table !== '*') return findTable(world, resource.catalogId, resource.database, resource.table)?.TargetTable !== undefined;
  return false;
}

/** Refuse (InvalidInputException) permissions that do not apply to the resource, and grant options beyond the permissions. */
export function checkApplicable(world: World, resource: LfResource, permissions: string[], grantable: string[]): void {
  const kind = isLink(world, resource) ? 'link' : resource.kind;
  const allowed: readonly string[] = APPLICABLE[kind];
  const wrong = permissions.filter((p) => !allowed.includes(p));
  if (wrong.length > 0) {
    const what = kind === 'link' ? 'a resource link' : `a ${kind === 'columns' ? 'TableWithColumns' : kind} resource`;
    throw new AwsError('InvalidInputException', `Permissions ${wrong.join(', ')} are not valid on ${what} (valid: ${allowed.join(', ')}).`);
  }
  const beyond = grantable.filter((p) => !permissions.includes(p));
  if (beyond.length > 0) throw new AwsError('InvalidInputException', `PermissionsWithGrantOption must be a subset of Permissions (${beyond.join(', ')} is not granted).`);
}

/** Refuse (EntityNotFoundException) a grant on a database or table that does not exist, or on an unregistered data location. */
export function checkExists(world: World, resource: LfResource): void {
  if (resource.kind === 'catalog') return;
  if (resource.kind === 'location') {
    checkLocationRegistered(world, resource);
    return;
  }
  const entry = findDatabase(world, resource.catalogId, resource.database);
  if (!entry) throw new AwsError('EntityNotFoundException', `Database ${resource.database} not found.`);
  if (resource.kind === 'database' || resource.table === '*') return;
  if (!entry.tables[resource.table]) throw new AwsError('EntityNotFoundException', `Table ${resource.table} not found.`);
}

/** A readable name for messages: `db`, `db.table`, `db.*`. */
export function describeResource(resource: LfResource): string {
  if (resource.kind === 'catalog') return `catalog ${resource.catalogId}`;
  if (resource.kind === 'database') return `database ${resource.database}`;
  if (resource.kind === 'location') return `data location ${resource.resourceArn}`;
  return `table ${resource.database}.${resource.table}`;
}
