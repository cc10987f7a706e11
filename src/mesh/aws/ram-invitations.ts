import {
  AcceptResourceShareInvitationCommand,
  paginateGetResourceShareInvitations,
  paginateGetResourceShares,
  paginateListResources,
  ResourceShareInvitationAlreadyAcceptedException,
  ResourceShareInvitationExpiredException,
  type RAMClient,
  type ResourceShareInvitation,
} from '@aws-sdk/client-ram';
import { AwsRefusedError, InvitationExpiredError } from '../errors';
import { callAws, translateAwsError, type AwsCallSite } from './translate-aws-error';

/** Who makes the RAM calls, for error messages: the role and account of the session. */
export type RamSite = Omit<AwsCallSite, 'doing'>;

/** The owner's RAM shares with one account, and the resources RAM lists as shared through them. */
export interface SharesWith {
  shareArns: string[];
  resourceArns: string[];
}

/**
 * The RAM shares through which the owner's catalog is shared with `receiverAccountId` now (called
 * in the owner's account): Lake Formation keeps one per receiving account, which grants extend.
 */
export async function sharesWith(ram: RAMClient, receiverAccountId: string, site: RamSite): Promise<SharesWith> {
  return callAws({ ...site, doing: `list the RAM shares with account ${receiverAccountId}` }, async () => {
    const shares = new Set<string>();
    const resources = new Set<string>();
    for await (const page of paginateListResources({ client: ram }, { resourceOwner: 'SELF', principal: receiverAccountId })) {
      for (const resource of page.resources ?? []) {
        if (resource.resourceShareArn) shares.add(resource.resourceShareArn);
        if (resource.arn) resources.add(resource.arn);
      }
    }
    return { shareArns: [...shares].sort(), resourceArns: [...resources].sort() };
  });
}

/** What accepting did: the invitations accepted now, the ones accepted before, and the shares not there yet. */
export interface AcceptOutcome {
  accepted: string[];
  alreadyAccepted: string[];
  /**
   * Shares with no invitation that the receiving account cannot use either: RAM has not finished
   * associating them (it sends the invitation afterwards). Empty when everything is usable.
   */
  notYetThere: string[];
}

/** The shares of `shareArns` the receiving account is a member of now (accepted, or within an Organization). */
async function usableShares(ram: RAMClient, shareArns: readonly string[], site: RamSite): Promise<Set<string>> {
  return callAws({ ...site, doing: 'list the RAM shares the account receives' }, async () => {
    const usable = new Set<string>();
    for await (const page of paginateGetResourceShares({ client: ram }, { resourceOwner: 'OTHER-ACCOUNTS', resourceShareArns: [...shareArns] })) {
      for (const share of page.resourceShares ?? []) if (share.status === 'ACTIVE' && share.resourceShareArn) usable.add(share.resourceShareArn);
    }
    return usable;
  });
}

/** The newest invitation of each share. */
function latestPerShare(invitations: readonly ResourceShareInvitation[]): ResourceShareInvitation[] {
  const latest = new Map<string, ResourceShareInvitation>();
  for (const invitation of invitations) {
    const share = invitation.resourceShareArn ?? '';
    const seen = latest.get(share);
    if (!seen || (invitation.invitationTimestamp?.getTime() ?? 0) >= (seen.invitationTimestamp?.getTime() ?? 0)) latest.set(share, invitation);
  }
  return [...latest.values()];
}

/**
 * Accept, in the receiving account, the pending invitations of exactly these shares from
 * `senderAccountId`. An already accepted share is fine; an expired invitation throws
 * InvitationExpiredError (only a new grant sends a new one). A share without an invitation is usable
 * only if the account already is its member (an Organization share needs no invitation); otherwise
 * RAM has not delivered it yet, and it is listed in `notYetThere` — never assumed usable.
 */
export async function acceptShareInvitations(
  ram: RAMClient,
  { senderAccountId, receiverAccountId, shareArns }: { senderAccountId: string; receiverAccountId: string; shareArns: readonly string[] },
  site: RamSite,
): Promise<AcceptOutcome> {
  const outcome: AcceptOutcome = { accepted: [], alreadyAccepted: [], notYetThere: [] };
  if (shareArns.length === 0) return outcome;
  const invitations = await callAws({ ...site, doing: `read the share invitations from account ${senderAccountId}` }, async () => {
    const found: ResourceShareInvitation[] = [];
    for await (const page of paginateGetResourceShareInvitations({ client: ram }, { resourceShareArns: [...shareArns] })) {
      found.push(...(page.resourceShareInvitations ?? []).filter((i) => i.senderAccountId === senderAccountId));
    }
    return found;
  });
  const invited = new Set(invitations.map((i) => i.resourceShareArn ?? ''));
  const uninvited = shareArns.filter((arn) => !invited.has(arn));
  if (uninvited.length > 0) {
    const usable = await usableShares(ram, uninvited, site);
    outcome.notYetThere.push(...uninvited.filter((arn) => !usable.has(arn)));
  }
  for (const invitation of latestPerShare(invitations)) {
    const arn = invitation.resourceShareInvitationArn ?? '';
    switch (invitation.status) {
      case 'ACCEPTED':
        outcome.alreadyAccepted.push(arn);
        break;
      case 'EXPIRED':
        throw new InvitationExpiredError(arn, receiverAccountId);
      case 'PENDING':
        await accept(ram, arn, receiverAccountId, site);
        outcome.accepted.push(arn);
        break;
      default:
        throw new AwsRefusedError(
          'ResourceShareInvitationAlreadyRejectedException',
          `the share invitation to account ${receiverAccountId} was ${invitation.status ?? 'answered'} (${arn})`,
          'retry the subscription: the grant is sent again with a new invitation',
        );
    }
  }
  return outcome;
}

async function accept(ram: RAMClient, arn: string, receiverAccountId: string, site: RamSite): Promise<void> {
  try {
    await ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn }));
  } catch (error) {
    // Accepted by a concurrent import or a crashed attempt: what we wanted.
    if (error instanceof ResourceShareInvitationAlreadyAcceptedException) return;
    // Lapsed between reading and accepting.
    if (error instanceof ResourceShareInvitationExpiredException) throw new InvitationExpiredError(arn, receiverAccountId);
    throw translateAwsError(error, { ...site, doing: `accept share invitation ${arn}` });
  }
}
