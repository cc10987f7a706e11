import * as z from 'zod';
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

/** A setting of a product that only its owners (or a mesh admin) may change once it is published. */
export const PRODUCT_SETTINGS = ['owners', 'offeredPermissions', 'publicMetadata', 'tablePattern', 'name', 'domain', 'description', 'syncEveryHours'] as const;

export const ProductSettingSchema = z.enum(PRODUCT_SETTINGS);

export type ProductSetting = z.infer<typeof ProductSettingSchema>;

/** One change of a setting, in words: `owners: U0PRODUCER, U0OWNER2 → U0DANA`. */
export const ProductChangeSchema = z.object({ setting: ProductSettingSchema, before: z.string().max(4200), after: z.string().max(4200) });

export type ProductChange = z.infer<typeof ProductChangeSchema>;

/** A line of a product's history: published, then each change of its settings, by whom and when. */
export const ProductEventSchema = z.object({
  at: z.iso.datetime(),
  actor: SlackUserSchema,
  event: z.enum(['published', 'changed']),
  changes: z.array(ProductChangeSchema),
});

export type ProductEvent = z.infer<typeof ProductEventSchema>;

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
  /** Append-only: the first publish and every change of a setting (products published before it have none). */
  history: z.array(ProductEventSchema).default([]),
});

export type DataProduct = z.infer<typeof DataProductSchema>;
