import type { ServiceOperations } from '../operation';
import { batchGrantPermissions, batchRevokePermissions } from './batch-permissions';
import { getDataLakeSettings, putDataLakeSettings } from './data-lake-settings';
import { describeResource } from './describe-resource';
import { grantPermissions, revokePermissions } from './grant-permissions';
import { listPermissions } from './list-permissions';
import { listResources } from './list-resources';
import { deregisterResource, registerResource } from './register-resource';

/** The emulated operations of this service, by API name. */
export const lakeFormationOperations: ServiceOperations = {
  GetDataLakeSettings: getDataLakeSettings,
  PutDataLakeSettings: putDataLakeSettings,
  GrantPermissions: grantPermissions,
  RevokePermissions: revokePermissions,
  BatchGrantPermissions: batchGrantPermissions,
  BatchRevokePermissions: batchRevokePermissions,
  ListPermissions: listPermissions,
  RegisterResource: registerResource,
  DeregisterResource: deregisterResource,
  DescribeResource: describeResource,
  ListResources: listResources,
};
