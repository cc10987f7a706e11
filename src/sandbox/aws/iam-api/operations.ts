import type { ServiceOperations } from '../operation';
import { getRole } from './get-role';
import { simulatePrincipalPolicy } from './simulate-principal-policy';

// Sources: IAM API Reference, "Actions" (GetRole, SimulatePrincipalPolicy); the rules are cited in each
// operation's file.

/** The emulated operations of IAM (the API; iam/ is IAM's policy evaluation), by API name. */
export const iamApiOperations: ServiceOperations = {
  GetRole: getRole,
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
};
