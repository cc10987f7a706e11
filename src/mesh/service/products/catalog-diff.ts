import type { ColumnDefinition, TableDefinition } from '../../aws/glue-definitions';

/** A table whose definition differs between the source and the mesh, with what changed in words. */
export interface TableChange {
  name: string;
  /** The source's definition, to write over the mesh table. */
  input: TableDefinition;
  /** E.g. `column churn_score added`, `column tenure_months: int → bigint`, `location changed`. */
  changes: string[];
}

/** What to do to the mesh side so it mirrors the source side. */
export interface CatalogDiff {
  /** In the source, not in the mesh: create. */
  added: TableDefinition[];
  /** In both, defined differently: update. */
  changed: TableChange[];
  /** In both, the same. */
  unchanged: string[];
  /** In the mesh (within the product), no longer in the source: reported, never deleted. */
  gone: string[];
}

/** JSON with sorted keys: two definitions are equal when their canonical texts are. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Whether two mirrored definitions (of tables or partitions) are the same. */
export function sameDefinition<T extends object>(a: T, b: T): boolean {
  return canonical(a) === canonical(b);
}

function columnChanges(kind: string, before: readonly ColumnDefinition[], after: readonly ColumnDefinition[]): string[] {
  const was = new Map(before.map((c) => [c.Name ?? '', c]));
  const now = new Map(after.map((c) => [c.Name ?? '', c]));
  const changes: string[] = [];
  for (const [name, c] of now) {
    const old = was.get(name);
    if (!old) changes.push(`${kind} ${name} added`);
    else if (old.Type !== c.Type) changes.push(`${kind} ${name}: ${old.Type ?? '?'} → ${c.Type ?? '?'}`);
    else if (canonical(old) !== canonical(c)) changes.push(`${kind} ${name} comment or parameters changed`);
  }
  for (const name of was.keys()) if (!now.has(name)) changes.push(`${kind} ${name} removed`);
  if (changes.length === 0 && canonical([...was.keys()]) !== canonical([...now.keys()])) changes.push(`${kind}s reordered`);
  return changes;
}

/** What differs between the mesh table (`before`) and the source (`after`), in words; empty when the same. */
export function describeChanges(before: TableDefinition, after: TableDefinition): string[] {
  const changes = [
    ...columnChanges('column', before.StorageDescriptor?.Columns ?? [], after.StorageDescriptor?.Columns ?? []),
    ...columnChanges('partition key', before.PartitionKeys ?? [], after.PartitionKeys ?? []),
  ];
  if (before.StorageDescriptor?.Location !== after.StorageDescriptor?.Location) changes.push('location changed');
  const { Columns: _b, Location: _bl, ...beforeStorage } = before.StorageDescriptor ?? {};
  const { Columns: _a, Location: _al, ...afterStorage } = after.StorageDescriptor ?? {};
  if (canonical(beforeStorage) !== canonical(afterStorage)) changes.push('storage format changed');
  const { StorageDescriptor: _bs, PartitionKeys: _bp, ...beforeRest } = before;
  const { StorageDescriptor: _as, PartitionKeys: _ap, ...afterRest } = after;
  for (const key of new Set([...Object.keys(beforeRest), ...Object.keys(afterRest)]) as Set<keyof typeof beforeRest>) {
    if (canonical(beforeRest[key]) !== canonical(afterRest[key])) changes.push(`${key} changed`);
  }
  // Anything the words above miss still counts as a change.
  return changes.length === 0 && !sameDefinition(before, after) ? ['definition changed'] : changes;
}

/**
 * The difference between the source tables a product selects and its tables in the mesh, both as
 * mirrored definitions (see mirrorTableInput). Pure: applying it with applyDiff to `mesh` gives `source`.
 */
export function diffCatalog(source: readonly TableDefinition[], mesh: readonly TableDefinition[]): CatalogDiff {
  const meshByName = new Map(mesh.map((t) => [t.Name ?? '', t]));
  const sourceNames = new Set(source.map((t) => t.Name ?? ''));
  const diff: CatalogDiff = { added: [], changed: [], unchanged: [], gone: [] };
  for (const table of [...source].sort((a, b) => (a.Name ?? '').localeCompare(b.Name ?? ''))) {
    const name = table.Name ?? '';
    const current = meshByName.get(name);
    if (!current) diff.added.push(table);
    else if (sameDefinition(current, table)) diff.unchanged.push(name);
    else diff.changed.push({ name, input: table, changes: describeChanges(current, table) });
  }
  diff.gone = [...meshByName.keys()].filter((name) => !sourceNames.has(name)).sort();
  return diff;
}

/**
 * The product's tables once a diff is applied: added ones created, changed ones replaced, gone
 * ones no longer part of the product (their mesh tables stay in the catalog). Sorted by name.
 */
export function applyDiff(mesh: readonly TableDefinition[], diff: CatalogDiff): TableDefinition[] {
  const gone = new Set(diff.gone);
  const result = new Map(mesh.filter((t) => !gone.has(t.Name ?? '')).map((t) => [t.Name ?? '', t]));
  for (const table of diff.added) result.set(table.Name ?? '', table);
  for (const change of diff.changed) result.set(change.name, change.input);
  return [...result.values()].sort((a, b) => (a.Name ?? '').localeCompare(b.Name ?? ''));
}
