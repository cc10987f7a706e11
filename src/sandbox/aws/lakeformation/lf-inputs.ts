import * as z from 'zod';
import { LfResourceWireSchema } from '../access/lf-resource';

/** Zod pieces shared by the Lake Formation operations' inputs (field names as the API). */

/** Every permission name the Lake Formation API accepts; which apply to which resource is checked per grant. */
export const LfPermissionSchema = z.enum([
  'ALL',
  'SELECT',
  'ALTER',
  'DROP',
  'DELETE',
  'INSERT',
  'DESCRIBE',
  'CREATE_DATABASE',
  'CREATE_TABLE',
  'DATA_LOCATION_ACCESS',
  'CREATE_LF_TAG',
  'ASSOCIATE',
  'GRANT_WITH_LF_TAG_EXPRESSION',
  'CREATE_LF_TAG_EXPRESSION',
  'CREATE_CATALOG',
  'SUPER_USER',
]);

export const DataLakePrincipalSchema = z.object({ DataLakePrincipalIdentifier: z.string().min(1).max(255) });

export const CatalogIdSchema = z.string().min(1).max(255).optional();

/** The parts of a single GrantPermissions / RevokePermissions request, and of one batch entry. */
export const PermissionChangeSchema = z.object({
  Principal: DataLakePrincipalSchema.optional(),
  Resource: LfResourceWireSchema.optional(),
  Permissions: z.array(LfPermissionSchema).optional(),
  PermissionsWithGrantOption: z.array(LfPermissionSchema).optional(),
  Condition: z.object({ Expression: z.string().optional() }).optional(),
});

export type PermissionChange = z.infer<typeof PermissionChangeSchema>;
