import * as z from 'zod';
import { AwsError } from '../aws-error';
import { locationArn, locationOfArn } from './s3-location';

// Sources: Lake Formation service model (botocore lakeformation/2017-03-31/service-2.json, shapes
// `Resource`, `TableResource`, `TableWithColumnsResource`, `DataLocationResource`); Developer Guide,
// "Underlying data access control" (https://docs.aws.amazon.com/lake-formation/latest/dg/access-control-underlying-data.html) and "Granting data location
// permissions" (https://docs.aws.amazon.com/lake-formation/latest/dg/granting-location-permissions.html).

/**
 * A Lake Formation `Resource` as sent on the wire (only the kinds the emulator supports: Catalog,
 * Database, Table by name or `TableWildcard`, TableWithColumns, DataLocation). Other kinds (LF-Tags,
 * data cells filters) parse and are refused with `InvalidInputException` by `toLfResource`.
 */
export const LfResourceWireSchema = z.object({
  Catalog: z.object({ Id: z.string().optional() }).optional(),
  Database: z.object({ CatalogId: z.string().optional(), Name: z.string().min(1).max(255) }).optional(),
  Table: z
    .object({
      CatalogId: z.string().optional(),
      DatabaseName: z.string().min(1).max(255),
      Name: z.string().min(1).max(255).optional(),
      TableWildcard: z.object({}).optional(),
    })
    .optional(),
  TableWithColumns: z
    .object({
      CatalogId: z.string().optional(),
      DatabaseName: z.string().min(1).max(255),
      Name: z.string().min(1).max(255),
      ColumnNames: z.array(z.string()).optional(),
      ColumnWildcard: z.object({ ExcludedColumnNames: z.array(z.string()).optional() }).optional(),
    })
    .optional(),
  DataLocation: z.object({ CatalogId: z.string().optional(), ResourceArn: z.string().min(1) }).optional(),
  DataCellsFilter: z.unknown().optional(),
  LFTag: z.unknown().optional(),
  LFTagPolicy: z.unknown().optional(),
  LFTagExpression: z.unknown().optional(),
});

export type LfResourceWire = z.infer<typeof LfResourceWireSchema>;

/** Which columns a TableWithColumns resource names: a list, or all but some. */
export type ColumnSelection = { names: string[] } | { excluded: string[] };

/** A Lake Formation resource, normalised: owning catalog filled in, names lower-cased as Glue stores them. */
export type LfResource =
  | { kind: 'catalog'; catalogId: string }
  | { kind: 'database'; catalogId: string; database: string }
  /** `table: '*'` is `TableWildcard`: every table of the database, present and future. */
  | { kind: 'table'; catalogId: string; database: string; table: string }
  | { kind: 'columns'; catalogId: string; database: string; table: string; columns: ColumnSelection }
  /** An Amazon S3 location registered by `catalogId`'s account; `resourceArn` normalised (no trailing slash). */
  | { kind: 'location'; catalogId: string; resourceArn: string };

const CATALOG_ID = /^\d{12}$/;

function catalogIdOf(given: string | undefined, fallback: string): string {
  const id = given ?? fallback;
  if (!CATALOG_ID.test(id)) throw new AwsError('InvalidInputException', `Invalid catalog id ${id}: it must be a 12-digit account id.`);
  return id;
}

/**
 * Normalise a wire resource; `defaultCatalogId` fills a missing `CatalogId` (the request's, else the
 * caller's account). Refuses unsupported kinds and malformed unions with `InvalidInputException`.
 */
export function toLfResource(wire: LfResourceWire, defaultCatalogId: string): LfResource {
  const present = Object.entries(wire).filter(([, value]) => value !== undefined).map(([key]) => key);
  if (present.length !== 1) throw new AwsError('InvalidInputException', 'Resource must name exactly one of Catalog, Database, Table, TableWithColumns or DataLocation.');
  if (wire.Catalog) return { kind: 'catalog', catalogId: catalogIdOf(wire.Catalog.Id, defaultCatalogId) };
  if (wire.Database) return { kind: 'database', catalogId: catalogIdOf(wire.Database.CatalogId, defaultCatalogId), database: wire.Database.Name.toLowerCase() };
  if (wire.Table) {
    const { Name, TableWildcard } = wire.Table;
    if ((Name === undefined) === (TableWildcard === undefined)) throw new AwsError('InvalidInputException', 'Table resource must have exactly one of Name or TableWildcard.');
    return { kind: 'table', catalogId: catalogIdOf(wire.Table.CatalogId, defaultCatalogId), database: wire.Table.DatabaseName.toLowerCase(), table: Name === undefined ? '*' : Name.toLowerCase() };
  }
  if (wire.TableWithColumns) {
    const { ColumnNames, ColumnWildcard } = wire.TableWithColumns;
    if ((ColumnNames === undefined) === (ColumnWildcard === undefined)) throw new AwsError('InvalidInputException', 'TableWithColumns must have exactly one of ColumnNames or ColumnWildcard.');
    if (ColumnNames?.length === 0) throw new AwsError('InvalidInputException', 'ColumnNames must name at least one column.');
    const columns: ColumnSelection = ColumnNames ? { names: [...new Set(ColumnNames)].sort() } : { excluded: [...new Set(ColumnWildcard?.ExcludedColumnNames ?? [])].sort() };
    return {
      kind: 'columns',
      catalogId: catalogIdOf(wire.TableWithColumns.CatalogId, defaultCatalogId),
      database: wire.TableWithColumns.DatabaseName.toLowerCase(),
      table: wire.TableWithColumns.Name.toLowerCase(),
      columns,
    };
  }
  if (wire.DataLocation) return toLocation(wire.DataLocation, defaultCatalogId);
  throw new AwsError('InvalidInputException', `Resource type ${present[0] ?? ''} is not supported by the sandbox emulator (Catalog, Database, Table, TableWithColumns, DataLocation are).`);
}

/**
 * A `DataLocation` resource: an Amazon S3 location ARN (a bucket or a prefix, "Underlying data access
 * control") of the catalog that registered it (`CatalogId`, by default the caller's account:
 * DataLocationResource in the Lake Formation model).
 */
function toLocation(wire: NonNullable<LfResourceWire['DataLocation']>, defaultCatalogId: string): LfResource {
  const location = locationOfArn(wire.ResourceArn);
  if (!location) throw new AwsError('InvalidInputException', `Invalid data location ${wire.ResourceArn}: it must be an Amazon S3 ARN, arn:aws:s3:::bucket[/prefix].`);
  return { kind: 'location', catalogId: catalogIdOf(wire.CatalogId, defaultCatalogId), resourceArn: locationArn(location) };
}

/** The wire form of a normalised resource, with `CatalogId` filled: what grants store and ListPermissions returns. */
export function toWire(resource: LfResource): Record<string, unknown> {
  switch (resource.kind) {
    case 'catalog':
      return { Catalog: { Id: resource.catalogId } };
    case 'database':
      return { Database: { CatalogId: resource.catalogId, Name: resource.database } };
    case 'table':
      return resource.table === '*'
        ? { Table: { CatalogId: resource.catalogId, DatabaseName: resource.database, TableWildcard: {} } }
        : { Table: { CatalogId: resource.catalogId, DatabaseName: resource.database, Name: resource.table } };
    case 'columns':
      return {
        TableWithColumns: {
          CatalogId: resource.catalogId,
          DatabaseName: resource.database,
          Name: resource.table,
          ...('names' in resource.columns ? { ColumnNames: resource.columns.names } : { ColumnWildcard: { ExcludedColumnNames: resource.columns.excluded } }),
        },
      };
    case 'location':
      return { DataLocation: { CatalogId: resource.catalogId, ResourceArn: resource.resourceArn } };
  }
}

/** Parse a stored grant's resource back; undefined for rows the emulator cannot interpret. */
export function storedResource(stored: Record<string, unknown>, catalogId: string): LfResource | undefined {
  const parsed = LfResourceWireSchema.safeParse(stored);
  if (!parsed.success) return undefined;
  try {
    return toLfResource(parsed.data, catalogId);
  } catch {
    return undefined;
  }
}

/** A stable identity for a resource: two grants on the same key are one grant row. */
export function resourceKey(resource: LfResource): string {
  switch (resource.kind) {
    case 'catalog':
      return `${resource.catalogId}|catalog`;
    case 'database':
      return `${resource.catalogId}|database|${resource.database}`;
    case 'table':
      return `${resource.catalogId}|table|${resource.database}|${resource.table}`;
    case 'columns':
      return `${resource.catalogId}|columns|${resource.database}|${resource.table}|${'names' in resource.columns ? `names:${resource.columns.names.join(',')}` : `excluded:${resource.columns.excluded.join(',')}`}`;
    case 'location':
      return `${resource.catalogId}|location|${resource.resourceArn}`;
  }
}

/**
 * The Glue ARN under which a resource is shared through RAM: the database, the table, or
 * `table/<db>/*` for a table wildcard. Column grants share their table. The catalog is never shared,
 * nor is a data location: "Lake Formation does not use the AWS Resource Access Manager (AWS RAM)
 * service for data location permission grants" ("Granting data location permissions").
 */
export function shareArn(region: string, resource: LfResource): string | undefined {
  switch (resource.kind) {
    case 'catalog':
    case 'location':
      return undefined;
    case 'database':
      return `arn:aws:glue:${region}:${resource.catalogId}:database/${resource.database}`;
    case 'table':
    case 'columns':
      return `arn:aws:glue:${region}:${resource.catalogId}:table/${resource.database}/${resource.table}`;
  }
}
