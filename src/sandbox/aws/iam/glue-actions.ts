import { findDatabase } from '../access/catalog-lookup';
import type { PolicyDocument } from '../world';
import type { IamCheck } from './iam-check';
import { type ActionMapping, type MappedCall, member, members } from './action-mapping';
import { sharedCatalogPolicy } from './glue-resource-policy';

/**
 * The IAM checks of the emulated Glue Data Catalog operations. Actions and resource types: Service
 * Authorization Reference, "Actions, resources, and condition keys for AWS Glue" (every catalog
 * action requires the `catalog` (root catalog) and `database` types, the table actions also `table`);
 * ARN formats: Glue developer guide, "Specifying AWS Glue resource ARNs" (the catalog
 * `arn:aws:glue:<region>:<account>:catalog`, `…:database/<db>`, `…:table/<db>/<table>`; names as Glue
 * stores them, lower-case). A call through a resource link is checked on the link and on its target
 * (Lake Formation developer guide, "Resource link handling in AWS Glue APIs": "you must have both IAM
 * and Lake Formation permissions on both the target and the resource link").
 *
 * Not modelled: GetTables and GetDatabases leaving out the tables or databases the identity policy
 * does not allow ("Identity-based policy examples for AWS Glue", filter tables by GetTables
 * permissions) — the emulator checks the catalog and database and lists what Lake Formation shows.
 */

/** One Glue object a request names: its catalog, and a database and table within it where it names them. */
export interface GlueTarget {
  catalogId: string;
  database?: string;
  /** A table name, or a pattern (`*`) for the actions Glue checks on every table of a database. */
  table?: string;
  /** `userDefinedFunction/<db>/*` too (DeleteDatabase). */
  functions?: boolean;
}

/** The ARNs IAM checks for a Glue object: its catalog, and its database and table where named. */
export function glueArns(region: string, target: GlueTarget): string[] {
  const base = `arn:aws:glue:${region}:${target.catalogId}`;
  const database = target.database?.toLowerCase();
  const arns = [`${base}:catalog`];
  if (database !== undefined) arns.push(`${base}:database/${database}`);
  if (database !== undefined && target.table !== undefined) arns.push(`${base}:table/${database}/${target.table.toLowerCase()}`);
  if (database !== undefined && target.functions === true) arns.push(`${base}:userDefinedFunction/${database}/*`);
  return arns;
}

// Another catalog's resource policy, built once per call and owner (a call may check many of its tables).
const callPolicies = new WeakMap<MappedCall, Map<string, PolicyDocument | undefined>>();

function catalogPolicy(call: MappedCall, owner: string): PolicyDocument | undefined {
  let policies = callPolicies.get(call);
  if (!policies) {
    policies = new Map();
    callPolicies.set(call, policies);
  }
  if (!policies.has(owner)) policies.set(owner, sharedCatalogPolicy(call.world, owner, call.caller.accountId));
  return policies.get(owner);
}

function checksOn(call: MappedCall, action: string, target: GlueTarget, advisory = false): IamCheck[] {
  const { region, caller } = call;
  const resourcePolicy = target.catalogId === caller.accountId ? undefined : catalogPolicy(call, target.catalogId);
  return glueArns(region, target).map((resource) => ({ action, resource, resourceAccount: target.catalogId, ...(resourcePolicy && { resourcePolicy }), ...(advisory && { advisory }) }));
}

/**
 * The action on the named database (and table), and on what its resource links lead to, as the
 * handlers follow them: a database link's target database (same table name) is required, so its
 * checks are enforced; a table link's target is required by the partition operations (`required`),
 * while GetTable and GetTables answer the bare link when the caller may not use the target (Glue's
 * answer for a link whose target it does not show), so there the target's checks are advisory and
 * the answer follows them (glue-views.ts). Without a table name, every table link of the database
 * is such an advisory target (GetTables).
 */
function followingLinks(call: MappedCall, action: string, catalogId: string, database: string, table: string | undefined, required: boolean): IamCheck[] {
  const checks = checksOn(call, action, { catalogId, database, ...(table !== undefined && { table }) });
  let entry = findDatabase(call.world, catalogId, database);
  const databaseLink = entry?.database.TargetDatabase;
  if (databaseLink) {
    checks.push(...checksOn(call, action, { catalogId: databaseLink.CatalogId, database: databaseLink.DatabaseName, ...(table !== undefined && { table }) }));
    entry = findDatabase(call.world, databaseLink.CatalogId, databaseLink.DatabaseName);
  }
  const tables = table === undefined ? Object.values(entry?.tables ?? {}) : [entry?.tables[table.toLowerCase()]];
  for (const link of tables.map((t) => t?.TargetTable)) {
    if (link) checks.push(...checksOn(call, action, { catalogId: link.CatalogId, database: link.DatabaseName, table: link.Name }, !required));
  }
  return checks;
}

/** Advisory checks on the targets of the database links named (or, without a name, of every database link in the catalog). */
function databaseLinkTargets(call: MappedCall, action: string, catalogId: string, name: string | undefined): IamCheck[] {
  const databases = call.world.catalogs[catalogId]?.databases ?? {};
  const entries = name === undefined ? Object.values(databases) : [databases[name.toLowerCase()]];
  return entries.flatMap((entry) => {
    const target = entry?.database.TargetDatabase;
    return target ? checksOn(call, action, { catalogId: target.CatalogId, database: target.DatabaseName }, true) : [];
  });
}

const PARTITION_OPERATIONS = new Set([
  'CreatePartition',
  'BatchCreatePartition',
  'GetPartition',
  'GetPartitions',
  'BatchGetPartition',
  'UpdatePartition',
  'BatchUpdatePartition',
  'DeletePartition',
  'BatchDeletePartition',
]);

/** The IAM checks of a Glue call: `glue:<Operation>` on the ARNs it names. */
export const glueActions: ActionMapping = (call) => {
  const { input, operation } = call;
  const action = `glue:${operation}`;
  const catalogId = member(input, 'CatalogId') ?? call.caller.accountId;
  const database = member(input, 'DatabaseName') ?? '';
  switch (operation) {
    case 'CreateDatabase':
      return checksOn(call, action, { catalogId, database: member(input, 'DatabaseInput', 'Name') ?? '' });
    // GetDatabase(s) answer a link's own properties when the caller may not use the target ("Resource
    // link handling in AWS Glue APIs"): the targets' checks are advisory, and the answer follows them.
    case 'GetDatabase':
      return [...checksOn(call, action, { catalogId, database: member(input, 'Name') ?? '' }), ...databaseLinkTargets(call, action, catalogId, member(input, 'Name'))];
    case 'GetDatabases':
      return [...checksOn(call, action, { catalogId, database: '*' }), ...databaseLinkTargets(call, action, catalogId, undefined)];
    // Deleting a database deletes its tables and functions, so IAM checks those ARNs too.
    case 'DeleteDatabase':
      return checksOn(call, action, { catalogId, database: member(input, 'Name') ?? '', table: '*', functions: true });
    case 'CreateTable':
    case 'UpdateTable':
      return checksOn(call, action, { catalogId, database, table: member(input, 'TableInput', 'Name') ?? '' });
    case 'DeleteTable':
      return checksOn(call, action, { catalogId, database, table: member(input, 'Name') ?? '' });
    case 'BatchDeleteTable':
      return members(input, 'TablesToDelete').flatMap((name) => checksOn(call, action, { catalogId, database, table: typeof name === 'string' ? name : '' }));
    case 'GetTable':
      return followingLinks(call, action, catalogId, database, member(input, 'Name') ?? '', false);
    case 'GetTables':
      return followingLinks(call, action, catalogId, database, undefined, false);
    default:
      if (PARTITION_OPERATIONS.has(operation)) return followingLinks(call, action, catalogId, database, member(input, 'TableName') ?? '', true);
      // An operation the emulator does not map (one a test adds) is checked on the catalog.
      return checksOn(call, action, { catalogId });
  }
};
