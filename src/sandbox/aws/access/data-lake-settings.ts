import type { Caller } from '../operation';
import type { DataLakeSettings, World } from '../world';

/**
 * A fresh account's settings, as Lake Formation shows them before anyone changes them: no admins,
 * and new databases and tables granted ALL to IAM_ALLOWED_PRINCIPALS (IAM-only access control).
 */
export function defaultDataLakeSettings(): DataLakeSettings {
  const iamAll = [{ Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] }];
  return { DataLakeAdmins: [], ReadOnlyAdmins: [], CreateDatabaseDefaultPermissions: iamAll, CreateTableDefaultPermissions: iamAll, Parameters: { CROSS_ACCOUNT_VERSION: '1' }, TrustedResourceOwners: [] };
}

/** The account's data lake settings, or a fresh account's defaults when it never set any. */
export function settingsOf(world: World, accountId: string): DataLakeSettings {
  return world.dataLakeSettings[accountId] ?? defaultDataLakeSettings();
}

/** Whether the caller is a data lake administrator of `catalogId` (admins act only in their own account). */
export function isDataLakeAdmin(world: World, caller: Caller, catalogId: string): boolean {
  if (caller.accountId !== catalogId) return false;
  return settingsOf(world, catalogId).DataLakeAdmins.some((admin) => admin.DataLakePrincipalIdentifier === caller.principalArn);
}

/** The account id inside an IAM or STS ARN, or the id itself for a 12-digit principal; undefined otherwise. */
export function accountOfPrincipal(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}
