import type { ServiceOperations } from '../operation';
import { assumeRole } from './assume-role';
import { getCallerIdentity } from './get-caller-identity';

/** The emulated operations of this service, by API name. */
export const stsOperations: ServiceOperations = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
