import type { Caller } from '../operation';
import type { PermissionGrant, World } from '../world';
import { findDatabase, findTable } from './catalog-lookup';
import { isDataLakeAdmin, settingsOf } from './data-lake-settings';
import { type ColumnSelection, type LfResource, shareArn, storedResource } from './lf-resource';
import { locationOfArn, within } from './s3-location';
import { sharedArns } from './resource-sharing';

// Sources (AWS Lake Formation Developer Guide): "Lake Formation permissions reference"
// (https://docs.aws.amazon.com/lake-formation/latest/dg/lf-permissions-reference.html), "Implicit Lake Formation permissions"
// (https://docs.aws.amazon.com/lake-formation/latest/dg/implicit-permissions.html), "Cross-account data sharing in Lake Formation", "Granting data location permissions"
// (https://docs.aws.amazon.com/lake-formation/latest/dg/granting-location-permissions.html): data location grants do not go through AWS RAM.

/**
 * What a caller holds on one resource, from every source Lake Formation knows:
 *  - data lake administrators hold everything, grantable, in their own catalog; read-only admins
 *    hold DESCRIBE there;
 *  - implicit permissions: the creator of a database, table or resource link (its `CreatedBy`)
 *    holds ALL with grant option on it (not on tables others create in its database);
 *  - grants to the caller's IAM principal; grants to IAM_ALLOWED_PRINCIPALS in the caller's own
 *    account; grants to the caller's account on another account's resource, which only the
 *    account's data lake administrators hold (they re-grant to their principals);
 *  - a grant on another account's resource counts only while the resource is shared with the
 *    caller's account through a RAM share it accepted (or an Organization share); data location
 *    grants need no share (Lake Formation does not use RAM for them).
 */
export interface Held {
  permissions: ReadonlySet<string>;
  grantable: ReadonlySet<string>;
}

const ALL_HELD: Held = { permissions: new Set(['ALL']), grantable: new Set(['ALL']) };

/** Whether `held` includes permission `p` (ALL includes every permission). */
export function holds(held: Held, p: string): boolean {
  return held.permissions.has(p) || held.permissions.has('ALL');
}

/** Whether `held` lets its holder grant permission `p` onward (ALL with grant option covers all). */
export function canGrant(held: Held, p: string): boolean {
  return held.grantable.has(p) || held.grantable.has('ALL');
}

/** The Glue ARNs under which a share would make this resource usable by another account. */
function coveringArns(region: string, resource: LfResource): string[] {
  const own = shareArn(region, resource);
  if (own === undefined) return [];
  if (resource.kind === 'table' && resource.table === '*') return [own];
  if (resource.kind === 'table' || resource.kind === 'columns') return [own, `arn:aws:glue:${region}:${resource.catalogId}:table/${resource.database}/*`];
  return [own];
}

/**
 * Whether a stored grant counts for the caller, and the resource it is on. `shared` gives the ARNs of
 * the grant's catalog shared with the caller's account (computed once per catalog and call, since a
 * catalog with thousands of tables has thousands of grants and share resources).
 */
function applicableResource(world: World, caller: Caller, grant: PermissionGrant, shared: () => Set<string>): LfResource | undefined {
  const own = grant.catalogId === caller.accountId;
  const toCaller =
    grant.principal === caller.principalArn ||
    (own && grant.principal === 'IAM_ALLOWED_PRINCIPALS') ||
    (!own && grant.principal === caller.accountId && isDataLakeAdmin(world, caller, caller.accountId));
  if (!toCaller) return undefined;
  const resource = storedResource(grant.resource, grant.catalogId);
  if (!resource) return undefined;
  // Data location grants reach other accounts without RAM ("Granting data location permissions").
  if (!own && resource.kind !== 'location' && !coveringArns(world.region, resource).some((arn) => shared().has(arn))) return undefined;
  return resource;
}

/** Grants that count for the caller on resources of one catalog, with their parsed resources. */
export function applicableGrants(world: World, caller: Caller, catalogId: string): { grant: PermissionGrant; resource: LfResource }[] {
  const result: { grant: PermissionGrant; resource: LfResource }[] = [];
  let arns: Set<string> | undefined;
  const shared = (): Set<string> => (arns ??= sharedArns(world, catalogId, caller.accountId));
  for (const grant of world.permissions) {
    if (grant.catalogId !== catalogId) continue;
    const resource = applicableResource(world, caller, grant, shared);
    if (resource) result.push({ grant, resource });
  }
  return result;
}

/** Whether held columns `have` include every column of `want`. */
function coversColumns(have: ColumnSelection, want: ColumnSelection): boolean {
  if ('excluded' in have) {
    if ('names' in want) return want.names.every((n) => !have.excluded.includes(n));
    return have.excluded.every((n) => want.excluded.includes(n));
  }
  return 'names' in want && want.names.every((n) => have.names.includes(n));
}

/** Whether a grant on `granted` gives its permissions on `target`. */
export function covers(granted: LfResource, target: LfResource): boolean {
  if (granted.catalogId !== target.catalogId) return false;
  switch (target.kind) {
    case 'catalog':
      return granted.kind === 'catalog';
    case 'database':
      return granted.kind === 'database' && granted.database === target.database;
    case 'table':
      if (granted.kind === 'table') return granted.database === target.database && (granted.table === '*' || granted.table === target.table);
      // SELECT on every column of a table is SELECT on the table.
      return target.table !== '*' && granted.kind === 'columns' && granted.database === target.database && granted.table === target.table && 'excluded' in granted.columns && granted.columns.excluded.length === 0;
    case 'columns':
      if (granted.kind === 'table') return granted.database === target.database && (granted.table === '*' || granted.table === target.table);
      return granted.kind === 'columns' && granted.database === target.database && granted.table === target.table && coversColumns(granted.columns, target.columns);
    case 'location':
      return granted.kind === 'location' && locationCovers(granted.resourceArn, target.resourceArn);
  }
}

/** Whether DATA_LOCATION_ACCESS on `granted` reaches `target`: the same location or one under it. */
function locationCovers(granted: string, target: string): boolean {
  const outer = locationOfArn(granted);
  const inner = locationOfArn(target);
  return outer !== undefined && inner !== undefined && within(inner, outer);
}

/** Whether the caller created the resource (or, for columns, their table), which gives ALL with grant option. */
function isCreator(world: World, caller: Caller, target: LfResource): boolean {
  if (caller.accountId !== target.catalogId) return false;
  if (target.kind === 'database') return findDatabase(world, target.catalogId, target.database)?.database.CreatedBy === caller.principalArn;
  if ((target.kind === 'table' && target.table !== '*') || target.kind === 'columns') return findTable(world, target.catalogId, target.database, target.table)?.CreatedBy === caller.principalArn;
  return false;
}

function isReadOnlyAdmin(world: World, caller: Caller, catalogId: string): boolean {
  return caller.accountId === catalogId && (settingsOf(world, catalogId).ReadOnlyAdmins ?? []).some((a) => a.DataLakePrincipalIdentifier === caller.principalArn);
}

/** Everything the caller holds on `target`, grantable or not. */
export function heldOn(world: World, caller: Caller, target: LfResource): Held {
  if (isDataLakeAdmin(world, caller, target.catalogId) || isCreator(world, caller, target)) return ALL_HELD;
  const permissions = new Set<string>();
  const grantable = new Set<string>();
  if (isReadOnlyAdmin(world, caller, target.catalogId)) permissions.add('DESCRIBE');
  for (const { grant, resource } of applicableGrants(world, caller, target.catalogId)) {
    if (!covers(resource, target)) continue;
    grant.permissions.forEach((p) => permissions.add(p));
    grant.grantable.forEach((p) => grantable.add(p));
  }
  return { permissions, grantable };
}

/**
 * Whether the caller may see tables of one catalog: an admin, a table's creator, or any permission
 * touching the table. The catalog's applicable grants are collected once, so a listing of many tables
 * checks each against them without rescanning every grant of the world.
 */
export function tableVisibility(world: World, caller: Caller, catalogId: string): (database: string, table: string) => boolean {
  if (isDataLakeAdmin(world, caller, catalogId) || isReadOnlyAdmin(world, caller, catalogId)) return () => true;
  let grants: { grant: PermissionGrant; resource: LfResource }[] | undefined;
  return (database, table) => {
    if (isCreator(world, caller, { kind: 'table', catalogId, database, table })) return true;
    grants ??= applicableGrants(world, caller, catalogId);
    return grants.some(
      ({ grant, resource }) =>
        (grant.permissions.length > 0 || grant.grantable.length > 0) &&
        (resource.kind === 'table' || resource.kind === 'columns') &&
        resource.database === database &&
        (resource.table === table || resource.table === '*'),
    );
  };
}

/** `tableVisibility` for any catalog, each catalog's grants collected once (for one call's answer). */
export function tableVisibilityByCatalog(world: World, caller: Caller): (catalogId: string, database: string, table: string) => boolean {
  const byCatalog = new Map<string, (database: string, table: string) => boolean>();
  return (catalogId, database, table) => {
    let visible = byCatalog.get(catalogId);
    if (visible === undefined) {
      visible = tableVisibility(world, caller, catalogId);
      byCatalog.set(catalogId, visible);
    }
    return visible(database, table);
  };
}

/** Whether the caller may see a table: an admin, its creator, or any permission touching it. */
export function canSeeTable(world: World, caller: Caller, catalogId: string, database: string, table: string): boolean {
  return tableVisibility(world, caller, catalogId)(database, table);
}

/**
 * Whether the caller may see a database: an admin, its creator, any permission on it, or any
 * permission on one of its tables (a principal that may use a table can see its database).
 */
export function canSeeDatabase(world: World, caller: Caller, catalogId: string, database: string): boolean {
  if (isDataLakeAdmin(world, caller, catalogId) || isReadOnlyAdmin(world, caller, catalogId)) return true;
  if (isCreator(world, caller, { kind: 'database', catalogId, database })) return true;
  const entry = findDatabase(world, catalogId, database);
  if (entry && caller.accountId === catalogId && Object.values(entry.tables).some((t) => t.CreatedBy === caller.principalArn)) return true;
  return applicableGrants(world, caller, catalogId).some(
    ({ grant, resource }) => (grant.permissions.length > 0 || grant.grantable.length > 0) && resource.kind !== 'catalog' && resource.kind !== 'location' && resource.database === database,
  );
}
