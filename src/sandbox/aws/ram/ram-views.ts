import { AwsError } from '../aws-error';
import { invitationStatus } from '../access/invitation-status';
import type { Invitation, ResourceShare } from '../world';

/** RAM answers use camelCase members and epoch-second timestamps (restJson1), as the RAM API. */

/** A `ResourceShareInvitation` as RAM answers it, with the status as of `now` (12-hour expiry). */
export function invitationView(invitation: Invitation, now: number): Record<string, unknown> {
  return {
    resourceShareInvitationArn: invitation.arn,
    resourceShareName: invitation.resourceShareName,
    resourceShareArn: invitation.resourceShareArn,
    senderAccountId: invitation.senderAccountId,
    receiverAccountId: invitation.receiverAccountId,
    invitationTimestamp: invitation.createdAt / 1000,
    status: invitationStatus(invitation, now),
  };
}

/** A `ResourceShare` as RAM answers it. */
export function resourceShareView(share: ResourceShare): Record<string, unknown> {
  return {
    resourceShareArn: share.arn,
    name: share.name,
    owningAccountId: share.ownerAccountId,
    allowExternalPrincipals: share.allowExternalPrincipals,
    status: share.status,
    creationTime: share.createdAt / 1000,
    lastUpdatedTime: share.updatedAt / 1000,
    featureSet: 'STANDARD',
  };
}

const INVITATION_ARN = /^arn:aws:ram:[a-z0-9-]+:\d{12}:resource-share-invitation\/[\w-]+$/;
const SHARE_ARN = /^arn:aws:ram:[a-z0-9-]+:\d{12}:resource-share\/[\w-]+$/;

/** Refuse (MalformedArnException) a string that is not a RAM invitation ARN. */
export function checkInvitationArn(arn: string): void {
  if (!INVITATION_ARN.test(arn)) throw new AwsError('MalformedArnException', `The ARN ${arn} is not a resource share invitation ARN.`);
}

/** Refuse (MalformedArnException) a string that is not a RAM resource share ARN. */
export function checkShareArn(arn: string): void {
  if (!SHARE_ARN.test(arn)) throw new AwsError('MalformedArnException', `The ARN ${arn} is not a resource share ARN.`);
}
