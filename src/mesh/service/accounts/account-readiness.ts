import type { DataLakeReadiness } from '../../aws/lake-formation-settings';

/** Lake Formation's cross-account version from which grants to accounts work as the mesh needs (RAM shares). */
export const MIN_CROSS_ACCOUNT_VERSION = 3;

/** What was found in an account, for one of its Meshbot roles. */
export interface ReadinessFacts {
  accountId: string;
  /** The Meshbot role that acts in the account, e.g. `MeshbotProducer`. */
  roleName: string;
  roleArn: string;
  settings: DataLakeReadiness;
}

/**
 * What is missing for the mesh to work in an account, one sentence each (empty when ready): the
 * cross-account version at least 3, and the Meshbot role a data lake administrator. Pure.
 */
export function missingSettings({ accountId, roleName, roleArn, settings }: ReadinessFacts): string[] {
  const missing: string[] = [];
  if (settings.crossAccountVersion < MIN_CROSS_ACCOUNT_VERSION) {
    missing.push(
      `Lake Formation cross-account version (CROSS_ACCOUNT_VERSION) is ${settings.crossAccountVersion}; set it to ${MIN_CROSS_ACCOUNT_VERSION} or 4 in the data lake settings of ${accountId}`,
    );
  }
  if (!settings.admins.includes(roleArn)) missing.push(`role ${roleName} (${roleArn}) is not a data lake administrator of ${accountId}`);
  return missing;
}
