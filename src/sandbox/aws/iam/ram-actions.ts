import { type ActionMapping, member } from './action-mapping';
import type { IamCheck } from './iam-check';

const INVITATION_ARN = /^arn:aws:ram:[^:]+:(\d{12}):resource-share-invitation\/.+$/;

/**
 * The IAM checks of the emulated RAM operations (Service Authorization Reference, "Actions, resources,
 * and condition keys for AWS Resource Access Manager (RAM)"): the Get/List calls have no resource
 * types (`*`); AcceptResourceShareInvitation and RejectResourceShareInvitation act on the invitation
 * (`resource-share-invitation`, condition keys ram:ShareOwnerAccountId and ram:ResourceShareName).
 *
 * The invitation's ARN is in the sender's account, yet only the receiver may answer it (RAM User
 * Guide, "Accepting and rejecting invitations"): RAM admits the receiving account, modelled as a
 * resource policy naming it, so the receiver's identity policy decides. An ARN the world does not know
 * is checked as the caller's own resource, leaving the handler to answer that it was not found.
 */
function invitationChecks(action: string, arn: string | undefined, call: Parameters<ActionMapping>[0]): IamCheck[] {
  const sender = arn === undefined ? undefined : INVITATION_ARN.exec(arn)?.[1];
  if (arn === undefined || sender === undefined) return [];
  const invitation = call.world.invitations.find((i) => i.arn === arn);
  if (!invitation) return [{ action, resource: arn, resourceAccount: call.caller.accountId }];
  return [
    {
      action,
      resource: arn,
      resourceAccount: sender,
      context: { 'ram:ShareOwnerAccountId': invitation.senderAccountId, 'ram:ResourceShareName': invitation.resourceShareName },
      resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: invitation.receiverAccountId }, Action: action, Resource: arn }] },
    },
  ];
}

/** The IAM checks of a RAM call. */
export const ramActions: ActionMapping = (call) => {
  const action = `ram:${call.operation}`;
  switch (call.operation) {
    case 'AcceptResourceShareInvitation':
    case 'RejectResourceShareInvitation':
      return invitationChecks(action, member(call.input, 'resourceShareInvitationArn'), call);
    default:
      return [{ action, resource: '*', resourceAccount: call.caller.accountId }];
  }
};
