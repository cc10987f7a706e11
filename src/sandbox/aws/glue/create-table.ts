import * as z from 'zod';
import { AwsError } from '../aws-error';
import { findDatabase } from '../access/catalog-lookup';
import { checkNewTableLocation } from '../access/data-location-access';
import { heldOn, holds } from '../access/effective-permissions';
import { settingsOf } from '../access/data-lake-settings';
import { operation } from '../operation';
import { CatalogIdSchema, GlueNameSchema, TableInputSchema } from './glue-inputs';
import { catalogOf, insufficientPermissions } from './glue-access';
import { applyDefaultPermissions } from './default-permissions';

// Sources: AWS Glue API Reference, "CreateTable" (TableInput, TargetTable); Lake Formation Developer
// Guide, "Resource link handling in AWS Glue APIs"; Lake Formation permissions reference
// (CREATE_TABLE), "Implicit Lake Formation permissions".

export const CreateTableInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  DatabaseName: GlueNameSchema,
  TableInput: TableInputSchema,
  TransactionId: z.string().optional(),
});

/**
 * CreateTable, or a table resource link (`TableInput.TargetTable`). In a database resource link the
 * table is created in the link's target (a table link through a database link is refused, as Glue
 * does). Needs CREATE_TABLE on the database that receives it. The creator gets ALL with grant option
 * implicitly; the database's (else the account's) CreateTableDefaultPermissions are granted. A table
 * located in a registered data location needs data location permission (see data-location-access).
 */
export const createTable = operation(CreateTableInputSchema, (ctx, input) => {
  let catalogId = catalogOf(ctx, input.CatalogId);
  let entry = findDatabase(ctx.world, catalogId, input.DatabaseName);
  if (!entry) {
    if (catalogId === ctx.caller.accountId) throw new AwsError('EntityNotFoundException', `Database ${input.DatabaseName} not found.`);
    throw insufficientPermissions(input.DatabaseName);
  }
  const link = entry.database.TargetDatabase;
  if (link) {
    if (input.TableInput.TargetTable) throw new AwsError('InvalidInputException', 'Creating a table resource link through a database resource link is not supported.');
    catalogId = link.CatalogId;
    entry = findDatabase(ctx.world, catalogId, link.DatabaseName);
    if (!entry) throw new AwsError('EntityNotFoundException', `Database ${link.DatabaseName} not found.`);
  }
  const database = entry.database.Name;
  if (!holds(heldOn(ctx.world, ctx.caller, { kind: 'database', catalogId, database }), 'CREATE_TABLE')) {
    throw new AwsError('AccessDeniedException', `Insufficient Lake Formation permission(s): Required Create Table on ${database}`);
  }
  const name = input.TableInput.Name.toLowerCase();
  if (entry.tables[name]) throw new AwsError('AlreadyExistsException', 'Table already exists.');
  // A resource link has no location of its own.
  if (!input.TableInput.TargetTable) checkNewTableLocation(ctx.world, ctx.caller, catalogId, input.TableInput.StorageDescriptor?.Location, entry.database.LocationUri);
  const seconds = Math.floor(ctx.now() / 1000);
  entry.tables[name] = { ...input.TableInput, Name: name, DatabaseName: database, CatalogId: catalogId, CreateTime: seconds, UpdateTime: seconds, VersionId: '1', CreatedBy: ctx.caller.principalArn };
  const defaults = (entry.database.CreateTableDefaultPermissions as unknown[] | undefined) ?? settingsOf(ctx.world, catalogId).CreateTableDefaultPermissions;
  applyDefaultPermissions(ctx, defaults, { kind: 'table', catalogId, database, table: name });
  return {};
});
