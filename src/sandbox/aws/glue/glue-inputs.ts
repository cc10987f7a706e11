import * as z from 'zod';
import { ColumnSchema, StorageDescriptorSchema } from '../world';

// Sources: AWS Glue API Reference data types "DatabaseInput", "TableInput", "PartitionInput" and the
// Glue service model (botocore glue/2017-03-31 service-2.json: NameString 1–255, ValueString ≤ 1024).

/** Zod pieces shared by the Glue operations' input schemas (field names as the Glue API). */

/** `CatalogId`: an account id; absent means the caller's account. */
export const CatalogIdSchema = z.string().regex(/^\d{12}$/, { error: 'CatalogId must be a 12-digit account id' }).optional();

/** A database or table name (Glue: 1–255 characters, one line). */
export const GlueNameSchema = z.string().min(1).max(255).regex(/^[^\n\r\t]+$/);

const PrincipalPermissionsSchema = z.object({ Principal: z.object({ DataLakePrincipalIdentifier: z.string() }).optional(), Permissions: z.array(z.string()).optional() });

/** `DatabaseInput` of CreateDatabase; `TargetDatabase` makes it a resource link. */
export const DatabaseInputSchema = z.object({
  Name: GlueNameSchema,
  Description: z.string().max(2048).optional(),
  LocationUri: z.string().optional(),
  Parameters: z.record(z.string(), z.string()).optional(),
  CreateTableDefaultPermissions: z.array(PrincipalPermissionsSchema).optional(),
  TargetDatabase: z.object({ CatalogId: z.string().regex(/^\d{12}$/), DatabaseName: GlueNameSchema, Region: z.string().optional() }).optional(),
});

/** `TableInput` of CreateTable / UpdateTable; `TargetTable` makes it a resource link. */
export const TableInputSchema = z.object({
  Name: GlueNameSchema,
  Description: z.string().max(2048).optional(),
  Owner: z.string().optional(),
  LastAccessTime: z.number().optional(),
  LastAnalyzedTime: z.number().optional(),
  Retention: z.number().int().optional(),
  StorageDescriptor: StorageDescriptorSchema.optional(),
  PartitionKeys: z.array(ColumnSchema).optional(),
  ViewOriginalText: z.string().optional(),
  ViewExpandedText: z.string().optional(),
  TableType: z.string().optional(),
  Parameters: z.record(z.string(), z.string()).optional(),
  TargetTable: z.object({ CatalogId: z.string().regex(/^\d{12}$/), DatabaseName: GlueNameSchema, Name: GlueNameSchema, Region: z.string().optional() }).optional(),
});

export type TableInput = z.infer<typeof TableInputSchema>;

/** Partition values (`ValueStringList`: each value 1–1,024 characters), in the order of the table's partition keys. */
export const PartitionValuesSchema = z.array(z.string().min(1).max(1024));

/** `PartitionInput` of the partition operations; `Values` is optional in the model but needed for a valid input. */
export const PartitionInputSchema = z.object({
  Values: PartitionValuesSchema.optional(),
  LastAccessTime: z.number().optional(),
  LastAnalyzedTime: z.number().optional(),
  StorageDescriptor: StorageDescriptorSchema.optional(),
  Parameters: z.record(z.string(), z.string()).optional(),
});

export type PartitionInput = z.infer<typeof PartitionInputSchema>;
