import { grantLockKey } from '../../execute/grant-lock-key';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { registeredLocations, registerLocation, type DataLocationSite } from '../../aws/data-locations';
import { glueCatalog, type GlueCatalog } from '../../aws/glue-catalog';
import type { TableDefinition } from '../../aws/glue-definitions';
import { gluePartitions, type GluePartitions } from '../../aws/glue-partitions';
import { grantLocationAccess } from '../../aws/lake-formation-permissions';
import { ramInvitations } from '../../aws/ram-invitations';
import type { RoleSessionRequest } from '../../aws/role-sessions';
import { ROLE_NAMES, producerRoleInMesh, roleArn } from '../../domain/account-roles';
import { sharedResourceArns } from '../../plan/shared-resource-arns';
import type { EntryResult, GrantEntry } from '../../domain/grant-entry';
import { sourceIdentityOf } from '../../domain/system-actor';
import { AccountNotReadyError, AwsRefusedError } from '../../errors';
import { sourceDatabaseNotFound } from './source-selection';
import { executeEntries } from '../../execute/grant-executor';
import { awaitShare } from '../await-share';
import { executorFor } from '../executor-for';
import type { MeshDeps } from '../mesh-deps';
import { actorOf, type Caller } from '../request-context';
import { diffCatalog, type CatalogDiff } from './catalog-diff';
import { isResourceLink, mirrorTableInput } from './mirror-table';
import { diffPartitions, mirrorPartitionInput } from './partition-diff';
import { planLocations } from './source-locations';
import { unreadableLocations, type LocationReadSides } from './location-reads';
import { describeEntries } from './publish-grants';
import { selectTables } from './select-tables';

/** What to mirror: the source tables a pattern selects, into one mesh database. */
export interface MirrorScope {
  producerAccountId: string;
  sourceDatabase: string;
  meshDatabase: string;
  /** Absent: every table of the source database. */
  tablePattern: string | undefined;
  /** The product's tables before this run (empty on a first publish), so tables gone from the source are noticed. */
  knownTables: readonly string[];
  /** DESCRIBE on the product for the mesh read-only role. */
  publicMetadata: boolean;
  /** The product was public before and is not any more: take the read-only role's DESCRIBE back. */
  withdrawPublic: boolean;
}

/** A mesh table updated from its source, and what changed. */
export interface UpdatedTable {
  name: string;
  changes: string[];
}

/** What one publish or sync did. */
export interface MirrorOutcome {
  /** The product's tables now: those the pattern selects in the source. */
  tables: string[];
  created: string[];
  updated: UpdatedTable[];
  unchanged: string[];
  /** Tables of the product no longer in the source catalog: reported, left in the mesh. */
  gone: string[];
  /** Tables of the product still in the source that the pattern no longer selects: left in the mesh, out of the product. */
  deselected: string[];
  /** Resource links created in the producer's source database. */
  linksCreated: string[];
  /** Link names already taken in the source database by something that is not the link to the mesh table. */
  linkConflicts: string[];
  /** RAM invitations from the mesh account accepted by the producer account. */
  invitationsAccepted: number;
  /** Whether the mesh database was created by this run. */
  databaseCreated: boolean;
  /** Partitions of the product's mesh tables created, updated and deleted to mirror the source's. */
  partitions: PartitionCounts;
  /** The Amazon S3 locations of the product's tables, as registered with Lake Formation in the mesh account. */
  locations: string[];
  /** Of those, the ones this run registered. */
  locationsRegistered: string[];
}

/** How many partitions one run changed in the mesh. */
export interface PartitionCounts {
  added: number;
  updated: number;
  dropped: number;
}

/** Run `work` on every item with at most `concurrency` in flight; all settle before the first failure is thrown. */
async function eachBounded<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const limit = pLimit(concurrency);
  const settled = await Promise.allSettled(items.map((item) => limit(() => work(item))));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Grant (or revoke) entries as the producer's mesh role; any entry left failed stops the run with its AWS code. */
async function applyEntries(deps: MeshDeps, meshRole: RoleSessionRequest, operation: 'grant' | 'revoke', entries: GrantEntry[], lockKey: string, purpose: string): Promise<void> {
  if (entries.length === 0) return;
  const { lakeFormation } = deps.clientsFor(meshRole);
  const results = await deps.locks(lockKey, () =>
    executeEntries(operation, entries, executorFor(deps, lakeFormation, meshRole.accountId)),
  );
  const failed = Object.values(results).filter((r: EntryResult) => r.outcome === 'FAILED');
  const first = failed[0];
  if (first) {
    throw new AwsRefusedError(
      first.errorCode ?? 'UnknownError',
      `Lake Formation refused to ${operation} ${purpose} for ${failed.length} of ${entries.length} resources (as ${meshRole.roleName} in ${meshRole.accountId}): ${first.errorMessage ?? ''}`,
      'publish again: it picks up where this stopped',
    );
  }
}

/** The tables of a catalog listing that are data, not resource links, by name. */
function dataTables(tables: readonly TableDefinition[]): Map<string, TableDefinition> {
  return new Map(tables.filter((t) => !isResourceLink(t) && t.Name !== undefined).map((t) => [t.Name?.toLowerCase() ?? '', t]));
}

/** Create or update the mesh tables of a diff, `concurrency` at a time. */
async function applyDiffToMesh(mesh: GlueCatalog, database: string, diff: CatalogDiff, concurrency: number): Promise<void> {
  const writes: (() => Promise<void>)[] = [
    ...diff.added.map((input) => async () => {
      // Created meanwhile (a concurrent publish): write this definition over it.
      if (!(await mesh.createTable(database, input))) await mesh.updateTable(database, input);
    }),
    ...diff.changed.map((change) => () => mesh.updateTable(database, change.input)),
  ];
  await eachBounded(writes, concurrency, (write) => write());
}

/**
 * Make a mesh table's partitions those of its source: new ones created, changed ones updated, ones
 * gone from the source deleted, each in batches at Glue's limits. A table created by this run has
 * none yet, so its mesh side is not read.
 */
async function mirrorPartitions(
  sides: { source: GluePartitions; mesh: GluePartitions },
  where: { sourceDatabase: string; meshDatabase: string; table: string; createdNow: boolean },
): Promise<PartitionCounts> {
  const sourcePartitions = (await sides.source.list(where.sourceDatabase, where.table)).map(mirrorPartitionInput);
  const meshPartitions = where.createdNow ? [] : (await sides.mesh.list(where.meshDatabase, where.table)).map(mirrorPartitionInput);
  const diff = diffPartitions(sourcePartitions, meshPartitions);
  // Created meanwhile (a concurrent publish): write the source's definition over it.
  const existing = await sides.mesh.create(where.meshDatabase, where.table, diff.added);
  await sides.mesh.update(where.meshDatabase, where.table, [...diff.changed, ...existing]);
  await sides.mesh.delete(where.meshDatabase, where.table, diff.dropped);
  return { added: diff.added.length - existing.length, updated: diff.changed.length + existing.length, dropped: diff.dropped.length };
}

/**
 * Make the tables' S3 locations Lake Formation-governed in the mesh account, as its data lake admin
 * (MeshbotMeshAdmin, for the publisher): register each location not yet covered with the mesh's data
 * access role, so queries read through Lake Formation's credentials rather than the querier's own
 * rights on the producer's bucket; then grant DATA_LOCATION_ACCESS on each to the producer's mesh role,
 * which creating or updating a table in a registered location requires. First `readable` checks that
 * Lake Formation could read what it would read with the data access role (nothing is registered if not).
 */
async function governLocations(
  admin: DataLocationSite,
  tables: ReadonlyMap<string, string | undefined>,
  databaseUri: string | undefined,
  grantee: string,
  readable: (locations: string[]) => Promise<void>,
): Promise<{ locations: string[]; registered: string[] }> {
  const existing = await registeredLocations(admin);
  const plan = planLocations(tables, databaseUri, existing.map((r) => r.arn));
  const dataAccessRole = roleArn(admin.accountId, ROLE_NAMES.dataAccess);
  // What Lake Formation reads with the mesh's data access role: the new registrations, and existing ones made with it.
  const withOurRole = new Set([...plan.toRegister, ...existing.filter((r) => r.roleArn === dataAccessRole).map((r) => r.arn)]);
  await readable(plan.locations.filter((arn) => withOurRole.has(arn)));
  const registered: string[] = [];
  for (const arn of plan.toRegister) if (await registerLocation(admin, arn, dataAccessRole)) registered.push(arn);
  for (const arn of plan.locations) await grantLocationAccess(admin, arn, grantee);
  return { locations: plan.locations, registered };
}

/**
 * Mirror a producer's tables into the mesh catalog and link them back — the work shared by publish
 * and sync, idempotent:
 *  (a) as MeshbotProducer in the producer account: read the source database and its tables, select
 *      them with the pattern;
 *  (a') as MeshbotMeshAdmin in the mesh account: register the tables' S3 locations with Lake Formation
 *      (or reuse registrations covering them) and grant the producer's mesh role DATA_LOCATION_ACCESS;
 *  (b) as MeshbotProducer-<producer> in the mesh account: create the mesh database if missing, create
 *      the missing tables and update the changed ones (bounded concurrency, throttling retried), and
 *      mirror the partitions of partitioned tables (Athena reads only the partitions the catalog lists);
 *  (c) grant the producer account DESCRIBE with grant option on the database and tables, wait for
 *      RAM to share them and accept the mesh account's invitation to that share as MeshbotProducer,
 *      create the missing `<table><suffix>` resource links in the source database;
 *  (d) DESCRIBE to the mesh read-only role when the product's metadata is public (same account: no RAM).
 */
export async function mirrorProduct(deps: MeshDeps, ctx: Caller, scope: MirrorScope, log: Logger): Promise<MirrorOutcome> {
  const { meshAccountId, linkSuffix, publishConcurrency } = deps.config;
  const { producerAccountId, sourceDatabase, meshDatabase } = scope;
  const session = { actor: sourceIdentityOf(actorOf(ctx)), requestId: ctx.requestId };
  const producerRole: RoleSessionRequest = { ...session, accountId: producerAccountId, roleName: ROLE_NAMES.producer };
  const meshRole: RoleSessionRequest = { ...session, accountId: meshAccountId, roleName: producerRoleInMesh(producerAccountId) };
  const producerClients = deps.clientsFor(producerRole);
  const retry = deps.executor ?? {};
  const source = glueCatalog({ client: producerClients.glue, catalogId: producerAccountId, roleName: producerRole.roleName, accountId: producerAccountId, retry });
  // One set of clients per role session for the whole run (the SDK clients share sockets and credentials).
  const meshClients = deps.clientsFor(meshRole);
  const mesh = glueCatalog({ client: meshClients.glue, catalogId: meshAccountId, roleName: meshRole.roleName, accountId: meshAccountId, retry });

  // (a) The source, as the producer's own role sees it.
  const sourceDb = await source.getDatabase(sourceDatabase);
  if (!sourceDb) {
    throw sourceDatabaseNotFound(sourceDatabase, producerAccountId);
  }
  const sourceListing = await source.listTables(sourceDatabase);
  const sourceTables = dataTables(sourceListing);
  const selected = selectTables([...sourceTables.keys()], scope.tablePattern, sourceDatabase);
  const selectedInputs = selected.flatMap((name) => {
    const table = sourceTables.get(name);
    return table ? [mirrorTableInput(table)] : [];
  });
  log.info({ sourceTables: sourceTables.size, selected: selected.length }, 'read the source catalog');

  // (a') The data locations, as the mesh's data lake admin, before any table points at them.
  const meshAdmin: RoleSessionRequest = { ...session, accountId: meshAccountId, roleName: ROLE_NAMES.meshAdmin };
  const meshAdminClients = deps.clientsFor(meshAdmin);
  const readSides: LocationReadSides = {
    producer: { s3: producerClients.s3, kms: producerClients.kms, site: { roleName: producerRole.roleName, accountId: producerAccountId } },
    mesh: { iam: meshAdminClients.iam, site: { roleName: meshAdmin.roleName, accountId: meshAccountId } },
    dataAccessRoleArn: roleArn(meshAccountId, ROLE_NAMES.dataAccess),
  };
  const governed = await governLocations(
    { client: meshAdminClients.lakeFormation, roleName: meshAdmin.roleName, accountId: meshAccountId, retry },
    new Map(selectedInputs.map((t) => [t.Name ?? '', t.StorageDescriptor?.Location])),
    sourceDb.LocationUri,
    roleArn(meshAccountId, meshRole.roleName),
    async (locations) => {
      const problems = await unreadableLocations(readSides, locations, producerAccountId);
      if (problems.length > 0) {
        log.warn({ problems }, 'the mesh could not read the source locations');
        throw new AccountNotReadyError(producerAccountId, problems, 'locations_not_readable');
      }
    },
  );
  log.info({ locations: governed.locations.length, registered: governed.registered.length }, 'governed the data locations');

  // (b) The mesh side, as the producer's role in the mesh account.
  const meshDb = await mesh.getDatabase(meshDatabase);
  let databaseCreated = false;
  if (!meshDb) {
    databaseCreated = await mesh.createDatabase({
      Name: meshDatabase,
      Description: sourceDb.Description ?? `Tables of ${sourceDatabase} published from account ${producerAccountId}`,
      ...(sourceDb.LocationUri !== undefined && { LocationUri: sourceDb.LocationUri }),
    });
  }
  const inScope = new Set([...selected, ...scope.knownTables]);
  const meshTables = meshDb ? [...dataTables(await mesh.listTables(meshDatabase)).values()].filter((t) => inScope.has(t.Name ?? '')) : [];
  const diff = diffCatalog(selectedInputs, meshTables.map(mirrorTableInput));
  await applyDiffToMesh(mesh, meshDatabase, diff, publishConcurrency);
  log.info({ databaseCreated, created: diff.added.length, updated: diff.changed.length, unchanged: diff.unchanged.length, gone: diff.gone.length }, 'mirrored the tables');
  const partitions: PartitionCounts = { added: 0, updated: 0, dropped: 0 };
  const partitionSides = {
    source: gluePartitions({ client: producerClients.glue, catalogId: producerAccountId, roleName: producerRole.roleName, accountId: producerAccountId, retry }),
    mesh: gluePartitions({ client: meshClients.glue, catalogId: meshAccountId, roleName: meshRole.roleName, accountId: meshAccountId, retry }),
  };
  const createdNow = new Set(diff.added.map((t) => t.Name ?? ''));
  const partitioned = selectedInputs.filter((t) => (t.PartitionKeys?.length ?? 0) > 0).map((t) => t.Name ?? '');
  await eachBounded(partitioned, publishConcurrency, async (table) => {
    const counts = await mirrorPartitions(partitionSides, { sourceDatabase, meshDatabase, table, createdNow: createdNow.has(table) });
    partitions.added += counts.added;
    partitions.updated += counts.updated;
    partitions.dropped += counts.dropped;
  });
  if (partitioned.length > 0) log.info({ tables: partitioned.length, ...partitions }, 'mirrored the partitions');

  // (c) Links back: the producer account may describe the mesh tables, accepts the share, links them.
  const describeToProducer = describeEntries({ meshCatalogId: meshAccountId, meshDatabase, tables: selected, principal: producerAccountId, withGrantOption: true });
  await applyEntries(deps, meshRole, 'grant', describeToProducer, grantLockKey(meshAccountId, producerAccountId), `DESCRIBE on ${meshDatabase} to account ${producerAccountId}`);
  const { accepted } = await awaitShare(deps, {
    owner: { accountId: meshAccountId, ram: ramInvitations({ client: meshClients.ram, roleName: meshRole.roleName, accountId: meshAccountId, retry }) },
    receiver: { accountId: producerAccountId, ram: ramInvitations({ client: producerClients.ram, roleName: producerRole.roleName, accountId: producerAccountId, retry }) },
    resourceArns: sharedResourceArns(describeToProducer, deps.config.region),
  });
  const existing = new Map(sourceListing.map((t) => [t.Name?.toLowerCase() ?? '', t]));
  const linksCreated: string[] = [];
  const linkConflicts: string[] = [];
  const toLink = selected.filter((name) => {
    const link = existing.get(`${name}${linkSuffix}`);
    if (!link) return true;
    const target = link.TargetTable;
    if (target?.CatalogId !== meshAccountId || target.DatabaseName !== meshDatabase || target.Name !== name) linkConflicts.push(`${name}${linkSuffix}`);
    return false;
  });
  await eachBounded(toLink, publishConcurrency, async (name) => {
    const linkName = `${name}${linkSuffix}`;
    const created = await source.createTable(sourceDatabase, { Name: linkName, TargetTable: { CatalogId: meshAccountId, DatabaseName: meshDatabase, Name: name } });
    if (created) linksCreated.push(linkName);
  });
  if (linkConflicts.length > 0) log.warn({ linkConflicts }, 'link names already taken in the source database');
  log.info({ invitationsAccepted: accepted.length, linksCreated: linksCreated.length }, 'linked the mesh tables back');

  // (d) Public metadata: anyone in the mesh may browse the product's schema through the read-only role.
  const readOnly = roleArn(meshAccountId, ROLE_NAMES.meshReadOnly);
  if (scope.publicMetadata || scope.withdrawPublic) {
    // Withdrawing covers every table of the product still in the mesh, gone ones included.
    const tables = scope.publicMetadata ? selected : [...new Set([...selected, ...meshTables.map((t) => t.Name ?? '')])];
    await applyEntries(
      deps,
      meshRole,
      scope.publicMetadata ? 'grant' : 'revoke',
      describeEntries({ meshCatalogId: meshAccountId, meshDatabase, tables, principal: readOnly, withGrantOption: false }),
      grantLockKey(meshAccountId, readOnly),
      `DESCRIBE on ${meshDatabase} to ${ROLE_NAMES.meshReadOnly}`,
    );
  }

  // Out of the product: gone from the source catalog, or still there but no longer selected.
  const dropped = [...new Set([...diff.gone, ...scope.knownTables.filter((name) => !selected.includes(name))])].sort();
  return {
    tables: selected,
    created: diff.added.map((t) => t.Name ?? ''),
    updated: diff.changed.map(({ name, changes }) => ({ name, changes })),
    unchanged: diff.unchanged,
    gone: dropped.filter((name) => !sourceTables.has(name)),
    deselected: dropped.filter((name) => sourceTables.has(name)),
    linksCreated: linksCreated.sort(),
    linkConflicts: linkConflicts.sort(),
    invitationsAccepted: accepted.length,
    databaseCreated,
    partitions,
    locations: governed.locations,
    locationsRegistered: governed.registered,
  };
}
