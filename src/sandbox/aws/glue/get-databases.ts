import * as z from 'zod';
import { canSeeDatabase } from '../access/effective-permissions';
import { type CallContext, operation } from '../operation';
import { paginate } from '../paging/page';
import type { GlueDatabase } from '../world';
import { CatalogIdSchema } from './glue-inputs';
import { catalogOf } from './glue-access';
import { databaseView } from './glue-views';

// Sources: AWS Glue API Reference, "GetDatabases" (ResourceShareType: FOREIGN, ALL, FEDERATED); Lake
// Formation Developer Guide, "Viewing shared Data Catalog tables and databases".

export const GetDatabasesInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(100).optional(),
  ResourceShareType: z.enum(['FOREIGN', 'ALL', 'FEDERATED']).optional(),
  AttributesToGet: z.array(z.string()).optional(),
});

function visibleIn(ctx: CallContext, catalogId: string): GlueDatabase[] {
  const catalog = ctx.world.catalogs[catalogId];
  if (!catalog) return [];
  return Object.values(catalog.databases)
    .map((entry) => entry.database)
    .filter((db) => canSeeDatabase(ctx.world, ctx.caller, catalogId, db.Name))
    .sort((a, b) => a.Name.localeCompare(b.Name));
}

/**
 * GetDatabases: the databases of a catalog the caller may see. For the caller's own catalog,
 * `ResourceShareType` chooses: absent → own databases only; FOREIGN → databases other accounts
 * shared with this one (accepted shares); ALL → both; FEDERATED → none (the emulator has no
 * federated catalogs). For another account's catalog: what that account shared with the caller.
 */
export const getDatabases = operation(GetDatabasesInputSchema, (ctx, input) => {
  const catalogId = catalogOf(ctx, input.CatalogId);
  const shareType = input.ResourceShareType;
  let databases: GlueDatabase[];
  if (catalogId !== ctx.caller.accountId) databases = visibleIn(ctx, catalogId);
  else {
    const foreign = () => Object.keys(ctx.world.catalogs).filter((id) => id !== catalogId).sort().flatMap((id) => visibleIn(ctx, id));
    if (shareType === 'FEDERATED') databases = [];
    else if (shareType === 'FOREIGN') databases = foreign();
    else if (shareType === 'ALL') databases = [...visibleIn(ctx, catalogId), ...foreign()];
    else databases = visibleIn(ctx, catalogId);
  }
  const page = paginate(databases, { scope: `GetDatabases/${catalogId}/${shareType ?? ''}`, token: input.NextToken, size: input.MaxResults ?? 100, badTokenCode: 'InvalidInputException' });
  return { DatabaseList: page.items.map((db) => databaseView(ctx, db)), NextToken: page.nextToken };
});
