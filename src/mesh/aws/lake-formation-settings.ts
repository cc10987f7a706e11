import { GetDataLakeSettingsCommand, type LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { sendAws, type AdapterSession } from './aws-call';

/** The parts of an account's data lake settings the mesh depends on. */
export interface DataLakeReadiness {
  /** ARNs of the data lake administrators. */
  admins: string[];
  /** `CROSS_ACCOUNT_VERSION` (1 when unset, as Lake Formation treats a fresh account). */
  crossAccountVersion: number;
}

/** Which role session reads, in which account. */
export type SettingsSite = AdapterSession<LakeFormationClient>;

/** The data lake settings of the session's own account (GetDataLakeSettings with its CatalogId). */
export async function readDataLakeSettings(site: SettingsSite): Promise<DataLakeReadiness> {
  const answer = await sendAws(site, `read the data lake settings of account ${site.accountId}`, () => site.client.send(new GetDataLakeSettingsCommand({ CatalogId: site.accountId })));
  const settings = answer.DataLakeSettings;
  const version = Number(settings?.Parameters?.CROSS_ACCOUNT_VERSION ?? '1');
  return {
    admins: (settings?.DataLakeAdmins ?? []).flatMap((a) => (a.DataLakePrincipalIdentifier ? [a.DataLakePrincipalIdentifier] : [])),
    crossAccountVersion: Number.isFinite(version) ? version : 1,
  };
}
