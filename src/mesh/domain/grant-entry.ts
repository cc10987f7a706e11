import * as z from 'zod';
import { AccountIdSchema } from './account-id';
import { PermissionSchema } from './permission';

/** A Lake Formation resource as sent in a grant entry, with its owning `CatalogId`. */
export const GrantResourceSchema = z.union([
  z.object({ Database: z.object({ CatalogId: AccountIdSchema, Name: z.string() }) }),
  z.object({ Table: z.object({ CatalogId: AccountIdSchema, DatabaseName: z.string(), Name: z.string() }) }),
  z.object({
    TableWithColumns: z.object({
      CatalogId: AccountIdSchema,
      DatabaseName: z.string(),
      Name: z.string(),
      ColumnNames: z.array(z.string()).optional(),
      ColumnWildcard: z.object({ ExcludedColumnNames: z.array(z.string()).optional() }).optional(),
    }),
  }),
]);

/**
 * One entry of `BatchGrantPermissions` / `BatchRevokePermissions`, exactly as sent, e.g.
 * `{ Id: 't-3f2a…', Principal: { DataLakePrincipalIdentifier: '999999999999' },
 *    Resource: { Table: { CatalogId: '555555555555', DatabaseName: 'telco-111111111111', Name: 'usecase1' } },
 *    Permissions: ['ALTER'], PermissionsWithGrantOption: ['ALTER'] }`.
 */
export const GrantEntrySchema = z.object({
  /** Deterministic, unique within a plan, ≤ 255 characters (Lake Formation's limit). */
  Id: z.string().min(1).max(255),
  Principal: z.object({ DataLakePrincipalIdentifier: z.string() }),
  Resource: GrantResourceSchema,
  Permissions: z.array(PermissionSchema).min(1),
  PermissionsWithGrantOption: z.array(PermissionSchema),
});

/** What happened to one plan entry the last time it was executed. */
export const EntryResultSchema = z.object({
  entryId: z.string(),
  operation: z.enum(['grant', 'revoke']),
  outcome: z.enum(['DONE', 'FAILED']),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  at: z.iso.datetime(),
});

export type GrantResource = z.infer<typeof GrantResourceSchema>;
export type GrantEntry = z.infer<typeof GrantEntrySchema>;
export type EntryResult = z.infer<typeof EntryResultSchema>;
