import * as z from 'zod';
import { findRegistration } from '../access/data-locations';
import { AwsError } from '../aws-error';
import { operation } from '../operation';
import type { DataLocation } from '../world';

/** A registration as the model's `ResourceInfo` (LastModified in epoch seconds, as restJson1 sends timestamps). */
export function resourceInfo(registration: DataLocation): Record<string, unknown> {
  return {
    ResourceArn: registration.ResourceArn,
    RoleArn: registration.RoleArn,
    LastModified: Math.floor(registration.LastModified / 1000),
    ...(registration.WithFederation === undefined ? {} : { WithFederation: registration.WithFederation }),
    ...(registration.HybridAccessEnabled === undefined ? {} : { HybridAccessEnabled: registration.HybridAccessEnabled }),
    ...(registration.WithPrivilegedAccess === undefined ? {} : { WithPrivilegedAccess: registration.WithPrivilegedAccess }),
    ...(registration.ExpectedResourceOwnerAccount === undefined ? {} : { ExpectedResourceOwnerAccount: registration.ExpectedResourceOwnerAccount }),
  };
}

export const DescribeResourceInputSchema = z.object({ ResourceArn: z.string().min(1) });

/**
 * DescribeResource: the caller's account's registration of the location, with its role;
 * EntityNotFoundException when the location is not registered there (DescribeResource API reference).
 * Who may call it is left to IAM, which the emulator does not model: any principal of the account may.
 */
export const describeResource = operation(DescribeResourceInputSchema, (ctx, input) => {
  const registration = findRegistration(ctx.world, ctx.caller.accountId, input.ResourceArn);
  if (!registration) throw new AwsError('EntityNotFoundException', 'Entity not found');
  return { ResourceInfo: resourceInfo(registration) };
});
