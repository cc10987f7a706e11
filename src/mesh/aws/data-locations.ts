import { ListResourcesCommand, RegisterResourceCommand, type LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { created, sendAws, type AdapterSession } from './aws-call';
import { readAllAwsPages } from './aws-pages';

/** A data lake admin's session in the account whose Lake Formation governs the locations. */
export type DataLocationSite = AdapterSession<LakeFormationClient>;

/** A location registered with Lake Formation: its ARN and the role Lake Formation reads it with (absent: the service-linked role). */
export interface RegisteredLocation {
  arn: string;
  roleArn?: string;
}

/** The Amazon S3 locations registered with Lake Formation in the session's account. */
export async function registeredLocations(site: DataLocationSite): Promise<RegisteredLocation[]> {
  const doing = `list the data locations registered in account ${site.accountId}`;
  const resources = await readAllAwsPages(doing, async (token) => {
    const page = await sendAws(site, doing, () => site.client.send(new ListResourcesCommand({ ...(token !== undefined && { NextToken: token }) })));
    return { items: page.ResourceInfoList, next: page.NextToken };
  });
  return resources.flatMap((resource) => (resource.ResourceArn ? [{ arn: resource.ResourceArn, ...(resource.RoleArn !== undefined && { roleArn: resource.RoleArn }) }] : []));
}

/**
 * Register a location with the role Lake Formation will use to read it (RegisterResource); false when
 * it was registered meanwhile (AlreadyExistsException), which is what was wanted.
 */
export function registerLocation(site: DataLocationSite, resourceArn: string, dataAccessRoleArn: string): Promise<boolean> {
  return created(
    sendAws(site, `register ${resourceArn} with Lake Formation in account ${site.accountId}`, () =>
      site.client.send(new RegisterResourceCommand({ ResourceArn: resourceArn, RoleArn: dataAccessRoleArn })),
    ),
  );
}
