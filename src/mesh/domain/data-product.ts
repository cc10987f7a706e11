import { z } from 'zod';
import { AccountIdSchema } from './account-id';
import { PermissionSchema } from './permission';
import { SlackUserSchema } from './slack-user';

/** Glue names: lower-case letters, digits, `_` and `-`, at most 255 characters. */
export const GlueNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9_-]+$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a Glue name (a-z, 0-9, _ and -)` });

/** The mesh database a source database is published to by default: `<db>-<producer account>`. */
export function defaultMeshDatabase(sourceDatabase: string, producerAccountId: string): string {
  return `${sourceDatabase}-${producerAccountId}`;
}

/**
 * A data product: tables of one mesh database offered by a producer, e.g. product
 * `telco-111111111111` with tables selected by pattern `usecase*`, owned by `U0PRODUCER`.
 */
export const DataProductSchema = z.object({
  /** The product id; by default the mesh database name. */
  id: z.string().min(1).max(255),
  name: z.string().min(1).max(200),
  producerAccountId: AccountIdSchema,
  sourceDatabase: GlueNameSchema,
  meshDatabase: GlueNameSchema,
  /** What the producer asked for: a table name, a `*` glob or a regex; absent means all tables. */
  tablePattern: z.string().optional(),
  tables: z.array(GlueNameSchema),
  domain: z.string().max(100).optional(),
  description: z.string().max(4096).optional(),
  owners: z.array(SlackUserSchema).min(1),
  /** What consumers may request (default SELECT and DESCRIBE); anything else is refused at request time. */
  offeredPermissions: z.array(PermissionSchema).min(1),
  publicMetadata: z.boolean(),
  /** Re-sync cadence in hours (default 4); 0 disables the scheduled sync. */
  syncEveryHours: z.number().int().min(0).max(168),
  publishedBy: SlackUserSchema,
  publishedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});

export type DataProduct = z.infer<typeof DataProductSchema>;
