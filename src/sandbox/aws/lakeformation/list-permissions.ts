import * as z from 'zod';
import { accountOfPrincipal, isDataLakeAdmin } from '../access/data-lake-settings';
import { covers, heldOn, holds } from '../access/effective-permissions';
import { type LfResource, LfResourceWireSchema, resourceKey, shareArn, storedResource, toLfResource } from '../access/lf-resource';
import { AwsError } from '../aws-error';
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

type ListPermissionsInput = z.infer<typeof ListPermissionsInputSchema>;

const KIND_OF_TYPE: Record<string, LfResource['kind'][]> = { CATALOG: ['catalog'], DATABASE: ['database'], TABLE: ['table', 'columns'], DATA_LOCATION: ['location'] };

/**
 * Input rules the service applies before reading anything:
 *  - a `Principal` needs a `Resource`. The API reference is silent; the service answers
 *    `InvalidInputException: Resource is mandatory if Principal is set in the input.` (the text users
 *    of the real service report, e.g. the AWS CLI output quoted by moto's lakeformation/models.py and
 *    by Steampipe's table_aws_lakeformation_permission.go);
 *  - `TableWithColumns` is not a resource one may list: "This operation does not support getting
 *    privileges on a table with columns. Instead, call this operation on the table" (ListPermissions,
 *    `Resource` member, API reference). The docs are silent on the error's text.
 */
function checkInput(input: ListPermissionsInput): void {
  if (input.Principal && !input.Resource) throw new AwsError('InvalidInputException', 'Resource is mandatory if Principal is set in the input.');
  if (input.Resource?.TableWithColumns) {
    throw new AwsError('InvalidInputException', 'ListPermissions does not support a TableWithColumns resource; list the permissions on the table, which returns its column permissions too.');
  }
}

/** Whether a row's resource answers the `Resource` filter: the same resource, or column grants of a named table. */
function matchesFilter(row: LfResource, filter: LfResource): boolean {
  if (filter.kind === 'table' && filter.table !== '*' && row.kind === 'columns') return row.database === filter.database && row.table === filter.table;
  return resourceKey(row) === resourceKey(filter);
}

/**
 * The part of a row the caller may read. "Returns a list of the principal permissions on the
 * resource, filtered by the permissions of the caller. For example, if you are granted an ALTER
 * permission, you are able to see only the principal permissions for ALTER" (ListPermissions, API
 * reference): a data lake admin of the catalog reads whole rows; anyone else reads the permissions
 * of a row that they hold themselves on its resource (ALL held shows every permission).
 */
function readablePart(ctx: CallContext, row: PermissionGrant, resource: LfResource): { permissions: string[]; grantable: string[] } | undefined {
  if (isDataLakeAdmin(ctx.world, ctx.caller, row.catalogId)) return { permissions: row.permissions, grantable: row.grantable };
  const held = heldOn(ctx.world, ctx.caller, resource);
  const visible = (p: string): boolean => holds(held, p);
  const part = { permissions: row.permissions.filter(visible), grantable: row.grantable.filter(visible) };
  return part.permissions.length > 0 || part.grantable.length > 0 ? part : undefined;
}

/**
 * Which rows answer the filters. With both `Principal` and `Resource`, "the response returns
 * effective permissions rather than the explicitly granted permissions" (ListPermissions, API
 * reference): every grant to that principal that reaches the resource — on the resource itself, on
 * all tables of its database (`TableWildcard`), or on all its columns. The docs do not say how such
 * rows are shaped; each is returned as granted, on the resource it was granted on. Permissions a
 * principal holds implicitly (data lake admin, creator) are not grants and are not listed.
 */
function rowMatches(input: ListPermissionsInput, row: PermissionGrant, resource: LfResource, filter: LfResource | undefined): boolean {
  if (input.Principal && row.principal !== input.Principal.DataLakePrincipalIdentifier) return false;
  if (!filter) return true;
  if (input.Principal) return covers(resource, filter) || matchesFilter(resource, filter);
  return matchesFilter(resource, filter);
}

/**
 * ListPermissions: the grant rows of one catalog (the `Resource`'s, else `CatalogId`, else the
 * caller's), filtered by `Principal`, `ResourceType` and `Resource` and by what the caller may read,
 * in grant order, a page at a time.
 */
export const listPermissions = operation(ListPermissionsInputSchema, (ctx, input) => {
  checkInput(input);
  const filter = input.Resource ? toLfResource(input.Resource, input.CatalogId ?? ctx.caller.accountId) : undefined;
  if (filter) checkExists(ctx.world, filter);
  const catalogId = filter?.catalogId ?? input.CatalogId ?? ctx.caller.accountId;
  const kinds = input.ResourceType === undefined ? undefined : (KIND_OF_TYPE[input.ResourceType] ?? []);
  const rows = ctx.world.permissions.flatMap((row) => {
    if (row.catalogId !== catalogId) return [];
    const resource = storedResource(row.resource, row.catalogId);
    if (!resource) return [];
    if (kinds && !kinds.includes(resource.kind)) return [];
    if (!rowMatches(input, row, resource, filter)) return [];
    const part = readablePart(ctx, row, resource);
    return part ? [{ row, resource, part }] : [];
  });
  const page = paginate(rows, {
    scope: `ListPermissions/${catalogId}/${input.Principal?.DataLakePrincipalIdentifier ?? ''}/${input.ResourceType ?? ''}/${filter ? resourceKey(filter) : ''}`,
    token: input.NextToken,
    size: input.MaxResults ?? 100,
    badTokenCode: 'InvalidInputException',
  });
  return {
    PrincipalResourcePermissions: page.items.map(({ row, resource, part }) => {
      const receiver = accountOfPrincipal(row.principal);
      const arn = shareArn(ctx.world.region, resource);
      const shares =
        receiver !== undefined && receiver !== row.catalogId && arn !== undefined
          ? ctx.world.resourceShares.filter((s) => s.status === 'ACTIVE' && s.ownerAccountId === row.catalogId && s.principals.includes(receiver) && s.resources.includes(arn)).map((s) => s.arn)
          : [];
      return {
        Principal: { DataLakePrincipalIdentifier: row.principal },
        Resource: row.resource,
        Permissions: part.permissions,
        PermissionsWithGrantOption: part.grantable,
        ...(shares.length > 0 ? { AdditionalDetails: { ResourceShare: shares } } : {}),
        LastUpdated: Math.floor(row.grantedAt / 1000),
        LastUpdatedBy: row.grantedBy,
      };
    }),
    NextToken: page.nextToken,
  };
});
