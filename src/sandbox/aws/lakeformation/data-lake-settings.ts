import * as z from 'zod';
import { AwsError } from '../aws-error';
import { lfAccessDenied } from './access-denied';
import { isDataLakeAdmin, settingsOf } from '../access/data-lake-settings';
import { operation } from '../operation';
import { CatalogIdSchema, DataLakePrincipalSchema, LfPermissionSchema } from './lf-inputs';

// Sources: AWS Lake Formation API Reference, "GetDataLakeSettings" / "PutDataLakeSettings"; Developer
// Guide, "Lake Formation personas and IAM permissions reference" (who may change the settings).

export const GetDataLakeSettingsInputSchema = z.object({ CatalogId: CatalogIdSchema });

/** GetDataLakeSettings: the settings of the caller's own account (another account's → AccessDeniedException). */
export const getDataLakeSettings = operation(GetDataLakeSettingsInputSchema, (ctx, input) => {
  const catalogId = input.CatalogId ?? ctx.caller.accountId;
  if (catalogId !== ctx.caller.accountId) throw lfAccessDenied(`Cannot read the data lake settings of account ${catalogId}.`);
  return { DataLakeSettings: settingsOf(ctx.world, catalogId) };
});

const PrincipalPermissionsSchema = z.object({ Principal: DataLakePrincipalSchema.optional(), Permissions: z.array(LfPermissionSchema).optional() });

export const PutDataLakeSettingsInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DataLakeSettings: z
    .object({
      DataLakeAdmins: z.array(DataLakePrincipalSchema).max(30).optional(),
      ReadOnlyAdmins: z.array(DataLakePrincipalSchema).optional(),
      CreateDatabaseDefaultPermissions: z.array(PrincipalPermissionsSchema).optional(),
      CreateTableDefaultPermissions: z.array(PrincipalPermissionsSchema).optional(),
      Parameters: z.record(z.string(), z.string()).optional(),
      TrustedResourceOwners: z.array(z.string()).optional(),
      AllowExternalDataFiltering: z.boolean().optional(),
    })
    .loose(),
});

const IAM_PRINCIPAL = /^arn:aws:iam::\d{12}:(?:role|user)\/.+$/;

/**
 * PutDataLakeSettings: replaces the account's settings. Only a data lake admin of the account or the
 * account's admin IAM user may (standing in for an IAM administrator with PutDataLakeSettings
 * rights). Admins must be IAM users or roles. `Parameters` (CROSS_ACCOUNT_VERSION) is kept when absent.
 */
export const putDataLakeSettings = operation(PutDataLakeSettingsInputSchema, (ctx, input) => {
  const catalogId = input.CatalogId ?? ctx.caller.accountId;
  const { world, caller } = ctx;
  if (catalogId !== caller.accountId) throw lfAccessDenied(`Cannot change the data lake settings of account ${catalogId}.`);
  const accountAdmin = world.accounts[catalogId]?.adminUser.arn === caller.principalArn;
  if (!accountAdmin && !isDataLakeAdmin(world, caller, catalogId)) {
    throw lfAccessDenied(`${caller.principalArn} is not a data lake administrator of account ${catalogId}.`);
  }
  const settings = input.DataLakeSettings;
  const wrong = [...(settings.DataLakeAdmins ?? []), ...(settings.ReadOnlyAdmins ?? [])].map((p) => p.DataLakePrincipalIdentifier).filter((id) => !IAM_PRINCIPAL.test(id));
  if (wrong.length > 0) throw new AwsError('InvalidInputException', `Data lake administrators must be IAM users or roles: ${wrong.join(', ')}.`);
  const previous = settingsOf(world, catalogId);
  world.dataLakeSettings[catalogId] = {
    ...settings,
    DataLakeAdmins: settings.DataLakeAdmins ?? [],
    ReadOnlyAdmins: settings.ReadOnlyAdmins ?? [],
    CreateDatabaseDefaultPermissions: settings.CreateDatabaseDefaultPermissions ?? [],
    CreateTableDefaultPermissions: settings.CreateTableDefaultPermissions ?? [],
    Parameters: settings.Parameters ?? previous.Parameters,
  };
  return {};
});
