import { operation } from '../operation';
import { CatalogIdSchema, PermissionChangeSchema } from './lf-inputs';
import { grantOne, revokeOne } from './permission-change';

export const GrantPermissionsInputSchema = PermissionChangeSchema.extend({ CatalogId: CatalogIdSchema });

/** GrantPermissions: one principal, one resource; see `grantOne` for the rules. */
export const grantPermissions = operation(GrantPermissionsInputSchema, (ctx, input) => {
  grantOne(ctx, input, input.CatalogId ?? ctx.caller.accountId);
  return {};
});

export const RevokePermissionsInputSchema = GrantPermissionsInputSchema;

/** RevokePermissions: one principal, one resource; see `revokeOne` for the rules. */
export const revokePermissions = operation(RevokePermissionsInputSchema, (ctx, input) => {
  revokeOne(ctx, input, input.CatalogId ?? ctx.caller.accountId);
  return {};
});
