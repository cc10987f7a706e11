import * as z from 'zod';
import { AwsError } from '../aws-error';
import { invitationStatus } from '../access/invitation-status';
import { type CallContext, operation } from '../operation';
import type { Invitation } from '../world';
import { checkInvitationArn, invitationView } from './ram-views';

// Sources: AWS RAM API Reference, "AcceptResourceShareInvitation" / "RejectResourceShareInvitation"
// (ResourceShareInvitationAlreadyAcceptedException, …AlreadyRejectedException, …ExpiredException,
// UnknownResourceException).

export const AnswerInvitationInputSchema = z.object({ resourceShareInvitationArn: z.string().min(1), clientToken: z.string().optional() });

/**
 * Accept or reject an invitation the caller's account received, if it is still PENDING. Another
 * account's invitation is not found (only the receiver may answer); an answered or expired one is
 * refused with RAM's error for its state.
 */
function answer(ctx: CallContext, input: z.infer<typeof AnswerInvitationInputSchema>, status: 'ACCEPTED' | 'REJECTED'): Record<string, unknown> {
  checkInvitationArn(input.resourceShareInvitationArn);
  const invitation: Invitation | undefined = ctx.world.invitations.find((i) => i.arn === input.resourceShareInvitationArn && i.receiverAccountId === ctx.caller.accountId);
  if (!invitation) throw new AwsError('ResourceShareInvitationArnNotFoundException', `Invitation ${input.resourceShareInvitationArn} was not found.`);
  const now = ctx.now();
  switch (invitationStatus(invitation, now)) {
    case 'ACCEPTED':
      throw new AwsError('ResourceShareInvitationAlreadyAcceptedException', `Invitation ${invitation.arn} was already accepted.`);
    case 'REJECTED':
      throw new AwsError('ResourceShareInvitationAlreadyRejectedException', `Invitation ${invitation.arn} was already rejected.`);
    case 'EXPIRED':
      throw new AwsError('ResourceShareInvitationExpiredException', `Invitation ${invitation.arn} expired; ask the sender to share again.`);
    case 'PENDING':
      invitation.status = status;
  }
  return { resourceShareInvitation: invitationView(invitation, now), ...(input.clientToken === undefined ? {} : { clientToken: input.clientToken }) };
}

/** AcceptResourceShareInvitation: the share's resources become usable by the receiving account. */
export const acceptResourceShareInvitation = operation(AnswerInvitationInputSchema, (ctx, input) => answer(ctx, input, 'ACCEPTED'));

/** RejectResourceShareInvitation: the share stays unusable; a later grant sends a new invitation. */
export const rejectResourceShareInvitation = operation(AnswerInvitationInputSchema, (ctx, input) => answer(ctx, input, 'REJECTED'));
