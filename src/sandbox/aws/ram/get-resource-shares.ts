import * as z from 'zod';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import { checkShareArn, resourceShareView } from './ram-views';
import { sharesOf } from './shares-of';

export const GetResourceSharesInputSchema = z.object({
  resourceOwner: z.enum(['SELF', 'OTHER-ACCOUNTS']),
  resourceShareArns: z.array(z.string()).optional(),
  resourceShareStatus: z.enum(['PENDING', 'ACTIVE', 'FAILED', 'DELETING', 'DELETED']).optional(),
  name: z.string().optional(),
  tagFilters: z.array(z.unknown()).optional(),
  nextToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).max(500).optional(),
  permissionArn: z.string().optional(),
  permissionVersion: z.number().optional(),
});

/**
 * GetResourceShares: the caller's own shares (SELF) or those shared with it that it may use (OTHER-ACCOUNTS:
 * principal associated, and accepted outside an Organization), filtered. A share stays ACTIVE while its
 * associations are in progress: the API reference lists PENDING among share statuses without saying
 * when, and reports association progress through GetResourceShareAssociations.
 */
export const getResourceShares = operation(GetResourceSharesInputSchema, (ctx, input) => {
  input.resourceShareArns?.forEach(checkShareArn);
  const shares = sharesOf(ctx, input.resourceOwner)
    .filter((s) => !input.resourceShareArns || input.resourceShareArns.includes(s.arn))
    .filter((s) => input.resourceShareStatus === undefined || s.status === input.resourceShareStatus)
    .filter((s) => input.name === undefined || s.name === input.name)
    .sort((a, b) => a.createdAt - b.createdAt || a.arn.localeCompare(b.arn));
  const page = paginate(shares, { scope: `GetResourceShares/${ctx.caller.accountId}/${input.resourceOwner}`, token: input.nextToken, size: input.maxResults ?? 50, badTokenCode: 'InvalidNextTokenException' });
  return { resourceShares: page.items.map(resourceShareView), nextToken: page.nextToken };
});
