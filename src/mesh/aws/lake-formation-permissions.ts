import {
  BatchGrantPermissionsCommand,
  BatchRevokePermissionsCommand,
  EntityNotFoundException,
  paginateListPermissions,
  type LakeFormationClient,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import type { GrantEntry, GrantResource } from '../domain/grant-entry';
import type { EntryFailure, PermissionsPort } from '../execute/grant-executor';
import { resourceKey } from '../plan/resource-key';

/** ListPermissions filters by table; column-level rows come back under the table, so ask for the table. */
function listedResource(resource: GrantResource): Resource {
  if ('TableWithColumns' in resource) {
    const { CatalogId, DatabaseName, Name } = resource.TableWithColumns;
    return { Table: { CatalogId, DatabaseName, Name } };
  }
  return resource;
}

/** The resource of a ListPermissions row in our schema's shape, or undefined for kinds we never grant. */
function rowResource(resource: Resource | undefined): GrantResource | undefined {
  if (resource?.Database?.CatalogId !== undefined && resource.Database.Name) {
    return { Database: { CatalogId: resource.Database.CatalogId, Name: resource.Database.Name } };
  }
  if (resource?.Table?.CatalogId !== undefined && resource.Table.Name !== undefined) {
    return { Table: { CatalogId: resource.Table.CatalogId, DatabaseName: resource.Table.DatabaseName ?? '', Name: resource.Table.Name } };
  }
  const columns = resource?.TableWithColumns;
  if (columns?.CatalogId !== undefined && columns.DatabaseName && columns.Name) {
    return {
      TableWithColumns: {
        CatalogId: columns.CatalogId,
        DatabaseName: columns.DatabaseName,
        Name: columns.Name,
        ...(columns.ColumnNames !== undefined && { ColumnNames: columns.ColumnNames }),
        ...(columns.ColumnWildcard !== undefined && {
          ColumnWildcard: columns.ColumnWildcard.ExcludedColumnNames ? { ExcludedColumnNames: columns.ColumnWildcard.ExcludedColumnNames } : {},
        }),
      },
    };
  }
  return undefined;
}

/** The executor's view of Lake Formation in one grantor catalog, through a role session's client. */
export function lakeFormationPermissions(client: LakeFormationClient, catalogId: string): PermissionsPort {
  return {
    async apply(operation, entries) {
      const input = { CatalogId: catalogId, Entries: entries };
      const answer = await client.send(operation === 'grant' ? new BatchGrantPermissionsCommand(input) : new BatchRevokePermissionsCommand(input));
      return (answer.Failures ?? []).map(
        (failure): EntryFailure => ({
          entryId: failure.RequestEntry?.Id ?? '',
          code: failure.Error?.ErrorCode ?? 'UnknownError',
          message: failure.Error?.ErrorMessage ?? 'Lake Formation refused the entry without saying why',
        }),
      );
    },

    async holds(entry: GrantEntry) {
      const wanted = resourceKey(entry.Resource);
      const held = new Set<string>();
      const pages = paginateListPermissions(
        { client },
        { CatalogId: catalogId, Principal: entry.Principal, Resource: listedResource(entry.Resource) },
      );
      try {
        for await (const page of pages) {
          for (const row of page.PrincipalResourcePermissions ?? []) {
            const resource = rowResource(row.Resource);
            if (resource && resourceKey(resource) === wanted) for (const p of row.Permissions ?? []) held.add(p);
          }
        }
      } catch (error) {
        // A resource deleted meanwhile (a resource link another revoke dropped) cannot be listed; the
        // entry's outcome (e.g. "No permissions revoked") then stands for what is held: nothing.
        if (error instanceof EntityNotFoundException) return false;
        throw error;
      }
      return held.has('ALL') || entry.Permissions.every((p) => held.has(p));
    },
  };
}
