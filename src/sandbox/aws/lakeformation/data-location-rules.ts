import { registrationCovering } from '../access/data-locations';
import type { LfResource } from '../access/lf-resource';
import { locationOfArn } from '../access/s3-location';
import { AwsError } from '../aws-error';
import type { World } from '../world';

/**
 * Refuse (EntityNotFoundException) permissions on a data location its catalog's account has not
 * registered: "For a grant to succeed, you must first register the data location with Lake
 * Formation" ("Granting data location permissions"). A path under a registered location is registered
 * too ("Adding an Amazon S3 location to your data lake"). The docs name no error code; the emulator
 * answers as for a database or table that does not exist.
 */
export function checkLocationRegistered(world: World, resource: Extract<LfResource, { kind: 'location' }>): void {
  const location = locationOfArn(resource.resourceArn);
  if (!location || !registrationCovering(world, resource.catalogId, location)) {
    throw new AwsError('EntityNotFoundException', `Data location ${resource.resourceArn} is not registered with Lake Formation in catalog ${resource.catalogId}.`);
  }
}
