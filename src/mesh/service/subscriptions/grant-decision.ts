import * as z from 'zod';
import { freeText } from '../../domain/free-text';
import type { DataProduct } from '../../domain/data-product';
import { PERMISSIONS, PermissionSetSchema, type Permission } from '../../domain/permission';
import { ColumnFilterSchema, type ColumnFilter, type Subscription } from '../../domain/subscription';
import { InvalidInputError } from '../../errors';
import { planGrants } from '../../plan/plan-grants';

/**
 * What a decider may change when approving (or modifying): permissions, columns, notes. Not the grant
 * option: the grantee is always the consumer account, which always gets it (see `planGrants`).
 */
export const GrantChangesSchema = z.object({
  permissions: PermissionSetSchema.optional(),
  /** A column filter; `null` removes the current one. */
  columns: ColumnFilterSchema.nullable().optional(),
  notes: freeText().pipe(z.string().max(4096, { error: 'the notes are longer than 4,096 characters' })).optional(),
});

export type GrantChanges = z.infer<typeof GrantChangesSchema>;

/** What bounds a decision's permissions: the request (approving), or the product's offer (modifying). */
export type AllowedPermissions = { permissions: readonly Permission[]; by: 'request' } | { permissions: readonly Permission[]; by: 'offer'; productId: string };

/** The decided grant: the exact plan and what it gives. */
export type GrantDecision = Pick<Subscription, 'plan' | 'grantedPermissions' | 'grantablePermissions'> & { columns: ColumnFilter | undefined };

/**
 * Plan what a subscription grants after a decision: the permissions (default: as requested, or as
 * granted when modifying), columns (default: unchanged), to the consumer account in the mesh
 * catalog. `allowed` bounds the permissions (the request when approving, the product's offer when
 * modifying). Pure; throws InvalidInputError on permissions outside `allowed` or contradictions.
 */
export function decideGrant(subscription: Subscription, changes: GrantChanges, allowed: AllowedPermissions): GrantDecision {
  const permissions = changes.permissions ?? (subscription.grantedPermissions.length > 0 ? subscription.grantedPermissions : subscription.requestedPermissions);
  // Approving part of ALL is narrowing the request, so ALL allows every permission.
  const beyond = allowed.permissions.includes('ALL') ? [] : permissions.filter((p) => !allowed.permissions.includes(p));
  if (beyond.length > 0) {
    const verb = beyond.length === 1 ? 'is' : 'are';
    const hint = `choose among ${allowed.permissions.join(', ')}`;
    throw new InvalidInputError(
      allowed.by === 'request'
        ? { reason: 'permission_not_requested', params: { permissions: beyond, requested: allowed.permissions }, path: ['permissions'], message: `${beyond.join(', ')} ${verb} not requested`, hint }
        : {
            reason: 'permission_beyond_offer',
            params: { permissions: beyond, productId: allowed.productId, offered: allowed.permissions },
            path: ['permissions'],
            message: `${beyond.join(', ')} ${verb} not offered by product ${allowed.productId}`,
            hint,
          },
    );
  }
  const columns = changes.columns === null ? undefined : (changes.columns ?? subscription.columns);
  const plan = planGrants({
    meshCatalogId: subscription.meshCatalogId,
    meshDatabase: subscription.meshDatabase,
    tables: subscription.tables,
    grantee: subscription.consumerAccountId,
    permissions,
    grantable: [],
    ...(columns && { columns }),
  });
  // What the plan really gives with grant option on the tables (an account always gets it).
  const tableEntries = plan.filter((entry) => !('Database' in entry.Resource));
  const grantable = PERMISSIONS.filter((p) => tableEntries.some((entry) => entry.PermissionsWithGrantOption.includes(p)));
  return { plan, grantedPermissions: [...permissions], grantablePermissions: grantable, columns };
}

/** The permissions a modify may grant: what the product offers, plus what the subscription already has. */
export function modifiablePermissions(product: DataProduct, subscription: Subscription): Permission[] {
  return PERMISSIONS.filter((p) => product.offeredPermissions.includes(p) || subscription.grantedPermissions.includes(p));
}
