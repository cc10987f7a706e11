import * as z from 'zod';
import { registeredLocations } from '../access/data-locations';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import { resourceInfo } from './describe-resource';

export const ListResourcesInputSchema = z.object({
  // Validated against the model (Field RESOURCE_ARN, ROLE_ARN or LAST_MODIFIED; 1–20 conditions) and not
  // applied: the API reference describes the list only as "row-level and/or column-level filtering
  // conditions", not how each ComparisonOperator compares these fields.
  FilterConditionList: z
    .array(
      z.object({
        Field: z.enum(['RESOURCE_ARN', 'ROLE_ARN', 'LAST_MODIFIED']).optional(),
        ComparisonOperator: z.enum(['EQ', 'NE', 'LE', 'LT', 'GE', 'GT', 'CONTAINS', 'NOT_CONTAINS', 'BEGINS_WITH', 'IN', 'BETWEEN']).optional(),
        StringValueList: z.array(z.string()).optional(),
      }),
    )
    .min(1)
    .max(20)
    .optional(),
  // PageSize in the Lake Formation model: 1–1,000.
  MaxResults: z.number().int().min(1).max(1000).optional(),
  NextToken: z.string().optional(),
});

/**
 * ListResources: the locations the caller's account registered, in registration order, a page at a
 * time ("Lists the resources registered to be managed by the Data Catalog", API reference). The page
 * size without MaxResults is not documented; the emulator uses 100, as its other Lake Formation lists.
 */
export const listResources = operation(ListResourcesInputSchema, (ctx, input) => {
  const page = paginate(registeredLocations(ctx.world, ctx.caller.accountId), {
    scope: `ListResources/${ctx.caller.accountId}`,
    token: input.NextToken,
    size: input.MaxResults ?? 100,
    badTokenCode: 'InvalidInputException',
  });
  return { ResourceInfoList: page.items.map(resourceInfo), NextToken: page.nextToken };
});
