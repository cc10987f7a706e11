import type { CallContext } from '../operation';
import type { PermissionGrant, World } from '../world';
import { accountOfPrincipal } from './data-lake-settings';
import { type LfResource, resourceKey, shareArn, storedResource, toWire } from './lf-resource';
import { unshareResource } from './resource-sharing';

/**
 * The grant rows of the world: one row per (principal, resource), whose permission sets grow with
 * grants and shrink with revokes, so granting what exists changes nothing.
 */

/** The row of `principal` on exactly `resource`, if any. */
export function findGrant(world: World, principal: string, resource: LfResource): PermissionGrant | undefined {
  const key = resourceKey(resource);
  return world.permissions.find((row) => {
    if (row.principal !== principal || row.catalogId !== resource.catalogId) return false;
    const stored = storedResource(row.resource, row.catalogId);
    return stored !== undefined && resourceKey(stored) === key;
  });
}

/** Add permissions (and grant options) to the principal's row on the resource, creating it if needed. */
export function upsertGrant(ctx: CallContext, principal: string, resource: LfResource, permissions: string[], grantable: string[]): void {
  const existing = findGrant(ctx.world, principal, resource);
  if (existing) {
    const mergedPermissions = [...new Set([...existing.permissions, ...permissions])].sort();
    const mergedGrantable = [...new Set([...existing.grantable, ...grantable])].sort();
    if (mergedPermissions.length !== existing.permissions.length || mergedGrantable.length !== existing.grantable.length) {
      existing.permissions = mergedPermissions;
      existing.grantable = mergedGrantable;
      existing.grantedBy = ctx.caller.arn;
      existing.grantedAt = ctx.now();
    }
    return;
  }
  ctx.world.permissions.push({
    id: ctx.nextId(),
    catalogId: resource.catalogId,
    principal,
    resource: toWire(resource),
    permissions: [...new Set(permissions)].sort(),
    grantable: [...new Set(grantable)].sort(),
    grantedBy: ctx.caller.arn,
    grantedAt: ctx.now(),
  });
}

/** Whether the owning catalog's account made the grant (not a recipient's data lake admin re-granting). */
function grantedByOwner(row: PermissionGrant): boolean {
  const grantor = accountOfPrincipal(row.grantedBy);
  return grantor === undefined || grantor === row.catalogId;
}

/**
 * After grants to another account were revoked or dropped: take the resource out of the owner's share
 * with that account unless the owner still grants that account something under the same ARN.
 */
export function releaseShareIfUnused(ctx: CallContext, owner: string, receiver: string, arn: string): void {
  const stillGranted = ctx.world.permissions.some((row) => {
    if (row.catalogId !== owner || accountOfPrincipal(row.principal) !== receiver || !grantedByOwner(row)) return false;
    const resource = storedResource(row.resource, row.catalogId);
    return resource !== undefined && shareArn(ctx.world.region, resource) === arn;
  });
  if (!stillGranted) unshareResource(ctx, owner, receiver, arn);
}

/** Remove every row on resources matching `doomed` (a deleted database or table), and release their shares. */
export function dropGrants(ctx: CallContext, catalogId: string, doomed: (resource: LfResource) => boolean): void {
  const released: { receiver: string; arn: string }[] = [];
  ctx.world.permissions = ctx.world.permissions.filter((row) => {
    if (row.catalogId !== catalogId) return true;
    const resource = storedResource(row.resource, row.catalogId);
    if (!resource || !doomed(resource)) return true;
    const receiver = accountOfPrincipal(row.principal);
    const arn = shareArn(ctx.world.region, resource);
    if (receiver !== undefined && receiver !== catalogId && arn !== undefined) released.push({ receiver, arn });
    return false;
  });
  for (const { receiver, arn } of released) releaseShareIfUnused(ctx, catalogId, receiver, arn);
}
