import * as z from 'zod';

/** The Lake Formation permissions a data product can offer on its tables. */
export const PERMISSIONS = ['ALL', 'SELECT', 'INSERT', 'DELETE', 'ALTER', 'DROP', 'DESCRIBE'] as const;

export const PermissionSchema = z.enum(PERMISSIONS, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a permission (${PERMISSIONS.join(', ')})`,
});

export type Permission = z.infer<typeof PermissionSchema>;

/** A non-empty set of permissions, de-duplicated and in canonical order. */
export const PermissionSetSchema = z
  .array(PermissionSchema)
  .min(1, { error: 'name at least one permission' })
  .transform((list) => PERMISSIONS.filter((p) => list.includes(p)));
