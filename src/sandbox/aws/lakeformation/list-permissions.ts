import { z } from 'zod';
import { accountOfPrincipal, isDataLakeAdmin } from '../access/data-lake-settings';
import { heldOn } from '../access/effective-permissions';
import { type LfResource, LfResourceWireSchema, resourceKey, shareArn, storedResource, toLfResource } from '../access/lf-resource';
import { type CallContext, operation } from '../operation';
import { paginate } from '../paging/page';
import type { PermissionGrant } from '../world';
import { CatalogIdSchema, DataLakePrincipalSchema } from './lf-inputs';
import { checkExists } from './permission-rules';

export const ListPermissionsInputSchema = z.object({
  CatalogId: CatalogIdSchema,
  Principal: DataLakePrincipalSchema.optional(),
  ResourceType: z.enum(['CATALOG', 'DATABASE', 'TABLE', 'DATA_LOCATION', 'LF_TAG', 'LF_TAG_POLICY', 'LF_TAG_POLICY_DATABASE', 'LF_TAG_POLICY_TABLE', 'LF_NAMED_TAG_EXPRESSION']).optional(),
  Resource: LfResourceWireSchema.optional(),
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(1000).optional(),
  IncludeRelated: z.string().optional(),
});

const KIND_OF_TYPE: Record<string, LfResource['kind'][]> = { CATALOG: ['catalog'], DATABASE: ['database'], TABLE: ['table', 'columns'] };

/** Whether a row's resource answers the `Resource` filter: the same resource, or column grants of a named table. */
function matchesFilter(row: LfResource, filter: LfResource): boolean {
  if (filter.kind === 'table' && filter.table !== '*' && row.kind === 'columns') return row.database === filter.database && row.table === filter.table;
  return resourceKey(row) === resourceKey(filter);
}

/**
 * Which rows the caller may read: a data lake admin of the catalog reads all of them; others read
 * grants to themselves and grants on resources they may grant on; a data lake admin of a recipient
 * account also reads the grants its account and its principals received on shared resources.
 */
function readable(ctx: CallContext, row: PermissionGrant, resource: LfResource): boolean {
  const { world, caller } = ctx;
  if (isDataLakeAdmin(world, caller, row.catalogId)) return true;
  if (row.principal === caller.principalArn) return true;
  if (accountOfPrincipal(row.principal) === caller.accountId && isDataLakeAdmin(world, caller, caller.accountId)) return true;
  return heldOn(world, caller, resource).grantable.size > 0;
}

/**
 * ListPermissions: the grant rows of one catalog (the `Resource`'s, else `CatalogId`, else the
 * caller's), filtered by `Principal`, `ResourceType` and `Resource`, that the caller may read, in
 * grant order, a page at a time. Implicit permissions (admins, creators) are not listed.
 */
export const listPermissions = operation(ListPermissionsInputSchema, (ctx, input) => {
  const filter = input.Resource ? toLfResource(input.Resource, input.CatalogId ?? ctx.caller.accountId) : undefined;
  if (filter) checkExists(ctx.world, filter);
  const catalogId = filter?.catalogId ?? input.CatalogId ?? ctx.caller.accountId;
  const kinds = input.ResourceType === undefined ? undefined : (KIND_OF_TYPE[input.ResourceType] ?? []);
  const rows = ctx.world.permissions.flatMap((row) => {
    if (row.catalogId !== catalogId) return [];
    if (input.Principal && row.principal !== input.Principal.DataLakePrincipalIdentifier) return [];
    const resource = storedResource(row.resource, row.catalogId);
    if (!resource) return [];
    if (kinds && !kinds.includes(resource.kind)) return [];
    if (filter && !matchesFilter(resource, filter)) return [];
    return readable(ctx, row, resource) ? [{ row, resource }] : [];
  });
  const page = paginate(rows, {
    scope: `ListPermissions/${catalogId}/${input.Principal?.DataLakePrincipalIdentifier ?? ''}/${input.ResourceType ?? ''}/${filter ? resourceKey(filter) : ''}`,
    token: input.NextToken,
    size: input.MaxResults ?? 100,
    badTokenCode: 'InvalidInputException',
  });
  return {
    PrincipalResourcePermissions: page.items.map(({ row, resource }) => {
      const receiver = accountOfPrincipal(row.principal);
      const arn = shareArn(ctx.world.region, resource);
      const shares =
        receiver !== undefined && receiver !== row.catalogId && arn !== undefined
          ? ctx.world.resourceShares.filter((s) => s.status === 'ACTIVE' && s.ownerAccountId === row.catalogId && s.principals.includes(receiver) && s.resources.includes(arn)).map((s) => s.arn)
          : [];
      return {
        Principal: { DataLakePrincipalIdentifier: row.principal },
        Resource: row.resource,
        Permissions: row.permissions,
        PermissionsWithGrantOption: row.grantable,
        ...(shares.length > 0 ? { AdditionalDetails: { ResourceShare: shares } } : {}),
        LastUpdated: Math.floor(row.grantedAt / 1000),
        LastUpdatedBy: row.grantedBy,
      };
    }),
    NextToken: page.nextToken,
  };
});
