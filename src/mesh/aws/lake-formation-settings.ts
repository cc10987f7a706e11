import { GetDataLakeSettingsCommand, ListPermissionsCommand, type LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { retryRefused, type RetryOptions } from './retry-refused';
import { callAws } from './translate-aws-error';

/** The parts of an account's data lake settings the mesh depends on. */
export interface DataLakeReadiness {
  /** ARNs of the data lake administrators. */
  admins: string[];
  /** `CROSS_ACCOUNT_VERSION` (1 when unset, as Lake Formation treats a fresh account). */
  crossAccountVersion: number;
}

/** Which role session reads, in which account. */
export interface SettingsSite {
  client: LakeFormationClient;
  roleName: string;
  accountId: string;
  retry?: RetryOptions;
}

/** The data lake settings of the session's own account (GetDataLakeSettings with its CatalogId). */
export async function readDataLakeSettings({ client, roleName, accountId, retry }: SettingsSite): Promise<DataLakeReadiness> {
  const answer = await callAws({ doing: `read the data lake settings of account ${accountId}`, roleName, accountId }, () =>
    retryRefused(() => client.send(new GetDataLakeSettingsCommand({ CatalogId: accountId })), retry),
  );
  const settings = answer.DataLakeSettings;
  const version = Number(settings?.Parameters?.CROSS_ACCOUNT_VERSION ?? '1');
  return {
    admins: (settings?.DataLakeAdmins ?? []).flatMap((a) => (a.DataLakePrincipalIdentifier ? [a.DataLakePrincipalIdentifier] : [])),
    crossAccountVersion: Number.isFinite(version) ? version : 1,
  };
}

/**
 * The permissions a principal holds on a catalog itself (e.g. CREATE_DATABASE). Lake Formation
 * refuses a `Principal` without a `Resource`, and shows a caller only the permissions it holds
 * itself, so read it as a data lake admin of that catalog.
 */
export async function catalogPermissionsOf({ client, roleName, accountId, retry }: SettingsSite, catalogId: string, principal: string): Promise<string[]> {
  const held: string[] = [];
  let token: string | undefined;
  do {
    const NextToken = token;
    const page = await callAws({ doing: `list the permissions of ${principal} on catalog ${catalogId}`, roleName, accountId }, () =>
      retryRefused(
        () =>
          client.send(
            new ListPermissionsCommand({
              CatalogId: catalogId,
              Principal: { DataLakePrincipalIdentifier: principal },
              Resource: { Catalog: {} },
              ...(NextToken !== undefined && { NextToken }),
            }),
          ),
        retry,
      ),
    );
    for (const row of page.PrincipalResourcePermissions ?? []) held.push(...(row.Permissions ?? []));
    token = page.NextToken;
  } while (token);
  return held;
}
