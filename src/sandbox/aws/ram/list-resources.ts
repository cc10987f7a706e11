import * as z from 'zod';
import { associatedResources } from '../access/share-association';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import { checkShareArn } from './ram-views';
import { sharesOf } from './shares-of';

export const ListResourcesInputSchema = z.object({
  resourceOwner: z.enum(['SELF', 'OTHER-ACCOUNTS']),
  principal: z.string().optional(),
  resourceType: z.string().optional(),
  resourceArns: z.array(z.string()).optional(),
  resourceShareArns: z.array(z.string()).optional(),
  nextToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).max(500).optional(),
  resourceRegionScope: z.enum(['ALL', 'REGIONAL', 'GLOBAL']).optional(),
});

/** The RAM resource type of a Glue ARN. */
function typeOf(arn: string): string {
  return arn.includes(':database/') ? 'glue:Database' : 'glue:Table';
}

/**
 * ListResources: the Glue resources in the shares the caller owns (SELF) or uses (OTHER-ACCOUNTS),
 * once associated. The API reference lists "the resources that you added to a resource share" and
 * dates each from "when the resource was associated with the resource share"; it does not say
 * whether a resource still ASSOCIATING is listed, so the emulator takes the conservative reading
 * (not yet: a client waits for the association, GetResourceShareAssociations).
 */
export const listResources = operation(ListResourcesInputSchema, (ctx, input) => {
  input.resourceShareArns?.forEach(checkShareArn);
  const resources = sharesOf(ctx, input.resourceOwner)
    .filter((s) => s.status === 'ACTIVE')
    .filter((s) => !input.resourceShareArns || input.resourceShareArns.includes(s.arn))
    .filter((s) => input.principal === undefined || s.principals.includes(input.principal))
    .flatMap((s) =>
      associatedResources(s).map((arn) => ({ arn, type: typeOf(arn), resourceShareArn: s.arn, status: 'AVAILABLE', creationTime: s.createdAt / 1000, lastUpdatedTime: s.updatedAt / 1000, resourceRegionScope: 'REGIONAL' })),
    )
    .filter((r) => input.resourceType === undefined || r.type.toLowerCase() === input.resourceType.toLowerCase())
    .filter((r) => !input.resourceArns || input.resourceArns.includes(r.arn));
  const page = paginate(resources, { scope: `ListResources/${ctx.caller.accountId}/${input.resourceOwner}`, token: input.nextToken, size: input.maxResults ?? 50, badTokenCode: 'InvalidNextTokenException' });
  return { resources: page.items, nextToken: page.nextToken };
});
