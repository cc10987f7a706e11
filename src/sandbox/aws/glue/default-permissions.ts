import { upsertGrant } from '../access/grant-rows';
import type { LfResource } from '../access/lf-resource';
import type { CallContext } from '../operation';

/** A `PrincipalPermissions` entry of the data lake settings or of a database's table defaults. */
interface PrincipalPermissions {
  Principal?: { DataLakePrincipalIdentifier: string };
  Permissions?: string[];
}

/**
 * Grant a new database's or table's default permissions (`CreateDatabaseDefaultPermissions`,
 * `CreateTableDefaultPermissions`), e.g. ALL to IAM_ALLOWED_PRINCIPALS in IAM-only accounts.
 */
export function applyDefaultPermissions(ctx: CallContext, defaults: readonly unknown[], resource: LfResource): void {
  for (const raw of defaults as PrincipalPermissions[]) {
    const principal = raw.Principal?.DataLakePrincipalIdentifier;
    const permissions = raw.Permissions ?? [];
    if (principal !== undefined && permissions.length > 0) upsertGrant(ctx, principal, resource, permissions, []);
  }
}
