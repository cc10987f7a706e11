import {
  BatchGrantPermissionsCommand,
  BatchRevokePermissionsCommand,
  GrantPermissionsCommand,
  ListPermissionsCommand,
  type LakeFormationClient,
  type ListPermissionsCommandInput,
  type PrincipalResourcePermissions,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import type { GrantEntry, GrantResource } from '../domain/grant-entry';
import type { EntryFailure, PermissionsPort } from '../execute/grant-executor';
import { resourceKey } from '../plan/resource-key';
import { isNotFound, sendAws, type AdapterSession } from './aws-call';
import { readAllAwsPages } from './aws-pages';
import { retryRefused, type RetryOptions } from './retry-refused';

/**
 * Lake Formation permissions — every grant, revoke and listing of them the mesh makes goes through
 * this file: the executor's batches (BatchGrantPermissions, BatchRevokePermissions, ListPermissions),
 * DATA_LOCATION_ACCESS on a registered location (GrantPermissions), and what a principal holds on a
 * catalog (ListPermissions).
 */

/** Every row of a ListPermissions filter, all pages, each page sent with `send`. */
function listPermissions(
  client: LakeFormationClient,
  doing: string,
  input: Omit<ListPermissionsCommandInput, 'NextToken'>,
  send: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<PrincipalResourcePermissions[]> {
  return readAllAwsPages(doing, async (token) => {
    const page = await send(() => client.send(new ListPermissionsCommand({ ...input, ...(token !== undefined && { NextToken: token }) })));
    return { items: page.PrincipalResourcePermissions, next: page.NextToken };
  });
}

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

/**
 * The executor's view of Lake Formation in one grantor catalog, through a role session's client. Its
 * failures reach the executor as the SDK threw them, since the executor classifies and retries them
 * (aws-call-error.ts); a refused ListPermissions page is retried here, as the executor cannot.
 */
export function lakeFormationPermissions(client: LakeFormationClient, catalogId: string, retry?: RetryOptions): PermissionsPort {
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
      let rows: PrincipalResourcePermissions[];
      try {
        rows = await listPermissions(
          client,
          `list the permissions of ${entry.Principal.DataLakePrincipalIdentifier} in catalog ${catalogId}`,
          { CatalogId: catalogId, Principal: entry.Principal, Resource: listedResource(entry.Resource) },
          (call) => retryRefused(call, retry),
        );
      } catch (error) {
        // A resource deleted meanwhile (a resource link another revoke dropped) cannot be listed; the
        // entry's outcome (e.g. "No permissions revoked") then stands for what is held: nothing.
        if (isNotFound(error)) return false;
        throw error;
      }
      for (const row of rows) {
        const resource = rowResource(row.Resource);
        if (resource && resourceKey(resource) === wanted) for (const p of row.Permissions ?? []) held.add(p);
      }
      return held.has('ALL') || entry.Permissions.every((p) => held.has(p));
    },
  };
}

/** A data lake admin's session in the account whose catalog and locations it reads or grants on. */
export type LakeFormationSite = AdapterSession<LakeFormationClient>;

/** Grant DATA_LOCATION_ACCESS on a location registered in the session's account to a principal (granting it again adds nothing). */
export async function grantLocationAccess(site: LakeFormationSite, resourceArn: string, principal: string): Promise<void> {
  await sendAws(site, `grant DATA_LOCATION_ACCESS on ${resourceArn} to ${principal}`, () =>
    site.client.send(
      new GrantPermissionsCommand({
        CatalogId: site.accountId,
        Principal: { DataLakePrincipalIdentifier: principal },
        Resource: { DataLocation: { CatalogId: site.accountId, ResourceArn: resourceArn } },
        Permissions: ['DATA_LOCATION_ACCESS'],
      }),
    ),
  );
}

/**
 * The permissions a principal holds on a catalog itself (e.g. CREATE_DATABASE). Lake Formation
 * refuses a `Principal` without a `Resource`, and shows a caller only the permissions it holds
 * itself, so read it as a data lake admin of that catalog.
 */
export async function catalogPermissionsOf(site: LakeFormationSite, catalogId: string, principal: string): Promise<string[]> {
  const doing = `list the permissions of ${principal} on catalog ${catalogId}`;
  const rows = await listPermissions(site.client, doing, { CatalogId: catalogId, Principal: { DataLakePrincipalIdentifier: principal }, Resource: { Catalog: {} } }, (call) =>
    sendAws(site, doing, call),
  );
  return rows.flatMap((row) => row.Permissions ?? []);
}
