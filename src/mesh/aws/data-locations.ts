import { GrantPermissionsCommand, paginateListResources, RegisterResourceCommand, type LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { AwsRefusedError } from '../errors';
import { retryRefused, type RetryOptions } from './retry-refused';
import { callAws } from './translate-aws-error';

/** A data lake admin's session in the account whose Lake Formation governs the locations. */
export interface DataLocationSite {
  client: LakeFormationClient;
  roleName: string;
  accountId: string;
  retry?: RetryOptions;
}

/** A location registered with Lake Formation: its ARN and the role Lake Formation reads it with (absent: the service-linked role). */
export interface RegisteredLocation {
  arn: string;
  roleArn?: string;
}

/** The Amazon S3 locations registered with Lake Formation in the session's account. */
export async function registeredLocations({ client, roleName, accountId, retry }: DataLocationSite): Promise<RegisteredLocation[]> {
  return callAws({ doing: `list the data locations registered in account ${accountId}`, roleName, accountId }, () =>
    retryRefused(async () => {
      const found: RegisteredLocation[] = [];
      for await (const page of paginateListResources({ client }, {})) {
        for (const resource of page.ResourceInfoList ?? []) if (resource.ResourceArn) found.push({ arn: resource.ResourceArn, ...(resource.RoleArn !== undefined && { roleArn: resource.RoleArn }) });
      }
      return found;
    }, retry),
  );
}

/**
 * Register a location with the role Lake Formation will use to read it (RegisterResource); false when
 * it was registered meanwhile (AlreadyExistsException), which is what was wanted.
 */
export async function registerLocation({ client, roleName, accountId, retry }: DataLocationSite, resourceArn: string, dataAccessRoleArn: string): Promise<boolean> {
  try {
    await callAws({ doing: `register ${resourceArn} with Lake Formation in account ${accountId}`, roleName, accountId }, () =>
      retryRefused(() => client.send(new RegisterResourceCommand({ ResourceArn: resourceArn, RoleArn: dataAccessRoleArn })), retry),
    );
    return true;
  } catch (error) {
    if (error instanceof AwsRefusedError && error.awsCode === 'AlreadyExistsException') return false;
    throw error;
  }
}

/** Grant DATA_LOCATION_ACCESS on a registered location to a principal (granting it again adds nothing). */
export async function grantLocationAccess({ client, roleName, accountId, retry }: DataLocationSite, resourceArn: string, principal: string): Promise<void> {
  await callAws({ doing: `grant DATA_LOCATION_ACCESS on ${resourceArn} to ${principal}`, roleName, accountId }, () =>
    retryRefused(
      () =>
        client.send(
          new GrantPermissionsCommand({
            CatalogId: accountId,
            Principal: { DataLakePrincipalIdentifier: principal },
            Resource: { DataLocation: { CatalogId: accountId, ResourceArn: resourceArn } },
            Permissions: ['DATA_LOCATION_ACCESS'],
          }),
        ),
      retry,
    ),
  );
}
