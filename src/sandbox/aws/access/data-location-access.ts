import { AwsError } from '../aws-error';
import type { Caller } from '../operation';
import type { World } from '../world';
import { registrationCovering } from './data-locations';
import { heldOn, holds } from './effective-permissions';
import { locationArn, locationOfUri, within } from './s3-location';

// Sources (AWS Lake Formation Developer Guide): "Underlying data access control"
// (https://docs.aws.amazon.com/lake-formation/latest/dg/access-control-underlying-data.html), "Troubleshooting Lake Formation" ("Error:
// Insufficient Lake Formation permissions on <Amazon S3 location>"), "Implicit Lake Formation permissions" (https://docs.aws.amazon.com/lake-formation/latest/dg/implicit-permissions.html),
// "Creating a database" (https://docs.aws.amazon.com/lake-formation/latest/dg/creating-database.html).

/**
 * Data location permissions: "Lake Formation data location permissions control the ability to create
 * Data Catalog resources that point to particular Amazon S3 locations" ("Underlying data access
 * control"). Creating or altering a database or table whose location lies in a location registered
 * by the catalog's account needs DATA_LOCATION_ACCESS on it, else Glue answers "Insufficient Lake
 * Formation permission(s) on <Amazon S3 location>" (Lake Formation troubleshooting, "Error:
 * Insufficient Lake Formation permissions on <Amazon S3 location>"). The check concerns the catalog
 * the object is created in: a mesh table pointing at a producer's bucket is checked against the
 * mesh account's registrations. Data lake administrators "have data location permissions everywhere
 * in the data lake" ("Implicit Lake Formation permissions"); other principals hold the permission by
 * grant, to themselves or (for an external account's data lake administrators) to their account.
 * Locations that are not registered, or not Amazon S3 URIs, are governed by IAM only and pass.
 */

/** Refuse (AccessDeniedException) creating or altering an object at `location` in `catalogId` without data location permission. */
export function checkDataLocationAccess(world: World, caller: Caller, catalogId: string, location: string | undefined): void {
  const target = location === undefined ? undefined : locationOfUri(location);
  if (!target || !registrationCovering(world, catalogId, target)) return;
  if (holds(heldOn(world, caller, { kind: 'location', catalogId, resourceArn: locationArn(target) }), 'DATA_LOCATION_ACCESS')) return;
  throw new AwsError('AccessDeniedException', `Insufficient Lake Formation permission(s) on ${location ?? ''}`);
}

/**
 * The check for a new table: "When you specify a location [for a database], principals do not need
 * data location permissions to create Data Catalog tables that point to locations within the database
 * location" ("Creating a database"). The guide says this of creating tables; altering them is checked.
 */
export function checkNewTableLocation(world: World, caller: Caller, catalogId: string, tableLocation: string | undefined, databaseLocation: string | undefined): void {
  const table = tableLocation === undefined ? undefined : locationOfUri(tableLocation);
  const database = databaseLocation === undefined ? undefined : locationOfUri(databaseLocation);
  if (table && database && within(table, database)) return;
  checkDataLocationAccess(world, caller, catalogId, tableLocation);
}
