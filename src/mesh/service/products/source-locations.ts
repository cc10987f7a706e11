/**
 * Which Amazon S3 locations a publish registers with Lake Formation in the mesh account, as ARNs
 * (`arn:aws:s3:::bucket/prefix`, the form RegisterResource takes). Registering a path covers every
 * folder under it (Lake Formation developer guide, "Adding an Amazon S3 location to your data lake"),
 * so one registration of the source database's location serves all its tables that lie under it;
 * a table elsewhere is registered at its own location. Pure.
 */

/** An S3 location: bucket and prefix without leading or trailing slashes ('' for the whole bucket). */
export interface S3Path {
  bucket: string;
  path: string;
}

function parseUri(uri: string | undefined): S3Path | undefined {
  const match = uri === undefined ? null : /^s3:\/\/([^/]+)\/?(.*)$/s.exec(uri);
  if (!match?.[1]) return undefined;
  return { bucket: match[1], path: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** `arn:aws:s3:::bucket/a/b` → `{ bucket, path: 'a/b' }`; undefined for anything else. */
export function s3PathOfArn(arn: string): S3Path | undefined {
  const match = /^arn:aws:s3:::([^/]+)\/?(.*)$/s.exec(arn);
  if (!match?.[1]) return undefined;
  return { bucket: match[1], path: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

function arnOf(location: S3Path): string {
  return location.path === '' ? `arn:aws:s3:::${location.bucket}` : `arn:aws:s3:::${location.bucket}/${location.path}`;
}

/** Whether `inner` is `outer` or lies under it, a whole path segment at a time. */
function within(inner: S3Path, outer: S3Path): boolean {
  return inner.bucket === outer.bucket && (outer.path === '' || inner.path === outer.path || inner.path.startsWith(`${outer.path}/`));
}

/** The locations a product's tables need, and which of them are registered already. */
export interface LocationPlan {
  /** Every location the tables lie in (a registration of each, or one covering it), sorted. */
  locations: string[];
  /** Of those, the ones no existing registration covers: register them. */
  toRegister: string[];
  /** Tables whose location is not an `s3://` URI: Lake Formation governs only Amazon S3 locations. */
  notS3: string[];
}

/**
 * Plan the registrations for tables (`name → StorageDescriptor.Location`) of a database at
 * `databaseUri`, given the ARNs registered already. A location covered by an existing registration
 * is named by that registration's ARN, since DATA_LOCATION_ACCESS is granted on registered locations.
 */
export function planLocations(tables: ReadonlyMap<string, string | undefined>, databaseUri: string | undefined, registered: readonly string[]): LocationPlan {
  const database = parseUri(databaseUri);
  const existing = registered.flatMap((arn) => {
    const location = s3PathOfArn(arn);
    return location ? [{ arn, location }] : [];
  });
  const locations = new Set<string>();
  const toRegister = new Set<string>();
  const notS3: string[] = [];
  for (const [name, uri] of tables) {
    const table = parseUri(uri);
    if (!table) {
      notS3.push(name);
      continue;
    }
    const covering = existing.find((r) => within(table, r.location));
    if (covering) {
      locations.add(covering.arn);
      continue;
    }
    const wanted = arnOf(database && within(table, database) ? database : table);
    locations.add(wanted);
    toRegister.add(wanted);
  }
  return { locations: [...locations].sort(), toRegister: [...toRegister].sort(), notS3: notS3.sort() };
}
