import * as z from 'zod';
import { AwsError } from '../aws-error';
import { checkDataLocationAccess } from '../access/data-location-access';
import { heldOn, holds } from '../access/effective-permissions';
import { settingsOf } from '../access/data-lake-settings';
import { operation } from '../operation';
import { CatalogIdSchema, DatabaseInputSchema } from './glue-inputs';
import { catalogOf } from './glue-access';
import { applyDefaultPermissions } from './default-permissions';

// Sources: AWS Glue API Reference, "CreateDatabase" (DatabaseInput, TargetDatabase); Lake Formation
// Developer Guide, "Lake Formation permissions reference" (CREATE_DATABASE) and "Implicit Lake
// Formation permissions".

export const CreateDatabaseInputSchema = z.object({ CatalogId: CatalogIdSchema, DatabaseInput: DatabaseInputSchema, Tags: z.record(z.string(), z.string()).optional() });

/**
 * CreateDatabase (or a database resource link, with `TargetDatabase`) in the caller's own catalog.
 * Needs CREATE_DATABASE on the catalog (data lake admins have it; an account that never set its
 * data lake settings behaves as a fresh account, where IAM_ALLOWED_PRINCIPALS has it). The creator
 * gets ALL with grant option implicitly; the account's CreateDatabaseDefaultPermissions are granted.
 * A `LocationUri` in a registered data location needs data location permission (see data-location-access).
 */
export const createDatabase = operation(CreateDatabaseInputSchema, (ctx, input) => {
  const catalogId = catalogOf(ctx, input.CatalogId);
  if (catalogId !== ctx.caller.accountId) throw new AwsError('AccessDeniedException', `Cannot create a database in catalog ${catalogId} of another account.`);
  const fresh = ctx.world.dataLakeSettings[catalogId] === undefined;
  if (!fresh && !holds(heldOn(ctx.world, ctx.caller, { kind: 'catalog', catalogId }), 'CREATE_DATABASE')) {
    throw new AwsError('AccessDeniedException', 'Insufficient Lake Formation permission(s): Required Create Database on Catalog');
  }
  const catalog = (ctx.world.catalogs[catalogId] ??= { databases: {} });
  const name = input.DatabaseInput.Name.toLowerCase();
  if (catalog.databases[name]) throw new AwsError('AlreadyExistsException', 'Database already exists.');
  // A resource link has no location of its own.
  if (!input.DatabaseInput.TargetDatabase) checkDataLocationAccess(ctx.world, ctx.caller, catalogId, input.DatabaseInput.LocationUri);
  const { Name: _name, ...rest } = input.DatabaseInput;
  catalog.databases[name] = {
    database: { ...rest, Name: name, CatalogId: catalogId, Parameters: rest.Parameters ?? {}, CreateTime: Math.floor(ctx.now() / 1000), CreatedBy: ctx.caller.principalArn },
    tables: {},
    partitions: {},
  };
  applyDefaultPermissions(ctx, settingsOf(ctx.world, catalogId).CreateDatabaseDefaultPermissions, { kind: 'database', catalogId, database: name });
  return {};
});
