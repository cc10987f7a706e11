import * as z from 'zod';
import { AwsError } from '../aws-error';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import { checkInvitationArn, checkShareArn, invitationView } from './ram-views';

export const GetResourceShareInvitationsInputSchema = z.object({
  resourceShareInvitationArns: z.array(z.string()).optional(),
  resourceShareArns: z.array(z.string()).optional(),
  nextToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).max(500).optional(),
});

/**
 * GetResourceShareInvitations: the invitations the caller's account received, optionally only the
 * given invitations or shares, oldest first, a page at a time; statuses as of the emulator clock. An
 * invitation exists only once the association that owes it completed (access/resource-sharing.ts:
 * the API reference does not say when RAM sends it) and is dated then, so its 12-hour expiry counts
 * from then.
 */
export const getResourceShareInvitations = operation(GetResourceShareInvitationsInputSchema, (ctx, input) => {
  const { world, caller } = ctx;
  input.resourceShareInvitationArns?.forEach(checkInvitationArn);
  input.resourceShareArns?.forEach(checkShareArn);
  const received = world.invitations.filter((i) => i.receiverAccountId === caller.accountId);
  for (const arn of input.resourceShareInvitationArns ?? []) {
    if (!received.some((i) => i.arn === arn)) throw new AwsError('ResourceShareInvitationArnNotFoundException', `Invitation ${arn} was not found.`);
  }
  for (const arn of input.resourceShareArns ?? []) {
    if (!world.resourceShares.some((s) => s.arn === arn)) throw new AwsError('UnknownResourceException', `Resource share ${arn} was not found.`);
  }
  const selected = received
    .filter((i) => !input.resourceShareInvitationArns || input.resourceShareInvitationArns.includes(i.arn))
    .filter((i) => !input.resourceShareArns || input.resourceShareArns.includes(i.resourceShareArn))
    .sort((a, b) => a.createdAt - b.createdAt || a.arn.localeCompare(b.arn));
  const page = paginate(selected, { scope: `GetResourceShareInvitations/${caller.accountId}`, token: input.nextToken, size: input.maxResults ?? 50, badTokenCode: 'InvalidNextTokenException' });
  const now = ctx.now();
  return { resourceShareInvitations: page.items.map((i) => invitationView(i, now)), nextToken: page.nextToken };
});
