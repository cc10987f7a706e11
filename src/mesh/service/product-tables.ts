import { glueCatalog } from '../aws/glue-catalog';
import type { ColumnDefinition } from '../aws/glue-definitions';
import { ROLE_NAMES, producerRoleInMesh } from '../domain/account-roles';
import type { DataProduct } from '../domain/data-product';
import type { MeshDeps } from './mesh-deps';
import { isResourceLink } from './products/mirror-table';
import type { RequestContext } from './request-context';

/** A column as a consumer reads it. */
export interface ColumnView {
  name: string;
  type: string;
  comment?: string;
}

/** One table of a product as the mesh catalog defines it (aws-data-mesh-utils' get_data_product). */
export interface ProductTableView {
  name: string;
  location: string | undefined;
  tableType: string | undefined;
  description: string | undefined;
  columns: ColumnView[];
  partitionKeys: ColumnView[];
}

/** A product's tables as the mesh catalog has them. */
export interface ProductTables {
  tables: ProductTableView[];
  /** Tables the product lists that the mesh catalog does not have (or does not show). */
  missing: string[];
}

const columnView = (c: ColumnDefinition): ColumnView => ({ name: c.Name ?? '', type: c.Type ?? '', ...(c.Comment !== undefined && { comment: c.Comment }) });

/**
 * The product's tables with their location, columns and partition keys, read from the mesh catalog
 * for `ctx`'s user: as the mesh read-only role when the product's metadata is public, else as the
 * producer's mesh role. Callers decide who may see what is read.
 */
export async function readProductTables(deps: MeshDeps, ctx: RequestContext, product: DataProduct): Promise<ProductTables> {
  const { meshAccountId } = deps.config;
  const roleName = product.publicMetadata ? ROLE_NAMES.meshReadOnly : producerRoleInMesh(product.producerAccountId);
  const { glue } = deps.clientsFor({ accountId: meshAccountId, roleName, actor: ctx.user.userId, requestId: ctx.requestId });
  const mesh = glueCatalog({ client: glue, catalogId: meshAccountId, roleName, accountId: meshAccountId, retry: deps.executor ?? {} });
  const listed = new Map((await mesh.listTables(product.meshDatabase)).filter((t) => !isResourceLink(t)).map((t) => [t.Name ?? '', t]));
  const tables: ProductTableView[] = [];
  const missing: string[] = [];
  for (const name of product.tables) {
    const table = listed.get(name);
    if (!table) {
      missing.push(name);
      continue;
    }
    tables.push({
      name,
      location: table.StorageDescriptor?.Location,
      tableType: table.TableType,
      description: table.Description,
      columns: (table.StorageDescriptor?.Columns ?? []).map(columnView),
      partitionKeys: (table.PartitionKeys ?? []).map(columnView),
    });
  }
  return { tables, missing };
}
