import type { DataLocation, World } from '../world';
import { locationArn, locationOfArn, type S3Location, within } from './s3-location';

// Sources: Lake Formation Developer Guide, "Adding an Amazon S3 location to your data lake" (registering a path registers every folder under it)
// and "Registering an Amazon S3 location" (https://docs.aws.amazon.com/lake-formation/latest/dg/register-location.html); API Reference,
// RegisterResource / DescribeResource (ResourceArn is the registered location's ARN).

/** The locations an account registered with Lake Formation, in registration order. */
export function registeredLocations(world: World, accountId: string): DataLocation[] {
  return world.dataLocations[accountId] ?? [];
}

/** The account's registration of exactly this ARN (compared normalised, so a trailing slash does not matter). */
export function findRegistration(world: World, accountId: string, resourceArn: string): DataLocation | undefined {
  const wanted = locationOfArn(resourceArn);
  if (!wanted) return undefined;
  return registeredLocations(world, accountId).find((r) => {
    const registered = locationOfArn(r.ResourceArn);
    return registered !== undefined && locationArn(registered) === locationArn(wanted);
  });
}

/** The account's registration that contains `location` (registering a path registers everything under it). */
export function registrationCovering(world: World, accountId: string, location: S3Location): DataLocation | undefined {
  return registeredLocations(world, accountId).find((r) => {
    const registered = locationOfArn(r.ResourceArn);
    return registered !== undefined && within(location, registered);
  });
}
