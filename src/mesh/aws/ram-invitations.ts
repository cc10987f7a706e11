import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListResourcesCommand,
  type RAMClient,
  type ResourceShareInvitation,
} from '@aws-sdk/client-ram';
import { AwsRefusedError, InvitationExpiredError } from '../errors';
import { sendAws, type AdapterSession } from './aws-call';
import { readAllAwsPages } from './aws-pages';

/** A resource the session's account shares with another account through RAM, and the share it is in. */
export interface SharedResource {
  resourceArn: string;
  shareArn: string;
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

/** RAM's shares and invitations as one role session sees them: the owner's side, or the receiver's. */
export interface RamInvitations {
  /**
   * Every resource the session's account shares with `receiverAccountId` now, with its share (called
   * in the owner's account). Lake Formation keeps its grants to an account in shares of its own,
   * which grants extend; other shares with the account are listed too, for the caller to leave out.
   */
  sharedWith(receiverAccountId: string): Promise<SharedResource[]>;
  /**
   * Accept, in the session's (receiving) account, the pending invitations of exactly these shares
   * from `senderAccountId`; no other invitation is touched. An already accepted share is fine; an
   * expired invitation throws InvitationExpiredError (only a new grant sends a new one). A share
   * without an invitation is usable only if the account already is its member (an Organization share
   * needs no invitation); otherwise RAM has not delivered it yet, and it is listed in `notYetThere` —
   * never assumed usable.
   */
  accept(senderAccountId: string, shareArns: readonly string[]): Promise<AcceptOutcome>;
}

/** RAM's page maximum for ListResources, GetResourceShares and GetResourceShareInvitations (`maxResults`). */
const RAM_PAGE = 500;

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

/** RAM through a role session's client, in the session's account. */
export function ramInvitations(session: AdapterSession<RAMClient>): RamInvitations {
  const { client, accountId } = session;

  /** The shares of `shareArns` the session's account is a member of now (accepted, or within an Organization). */
  async function usableShares(shareArns: readonly string[]): Promise<Set<string>> {
    const doing = 'list the RAM shares the account receives';
    const shares = await readAllAwsPages(doing, async (token) => {
      const page = await sendAws(session, doing, () =>
        client.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS', resourceShareArns: [...shareArns], maxResults: RAM_PAGE, ...(token !== undefined && { nextToken: token }) })),
      );
      return { items: page.resourceShares, next: page.nextToken };
    });
    return new Set(shares.flatMap((share) => (share.status === 'ACTIVE' && share.resourceShareArn ? [share.resourceShareArn] : [])));
  }

  async function acceptOne(arn: string): Promise<void> {
    try {
      await sendAws(session, `accept share invitation ${arn}`, () => client.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn })));
    } catch (error) {
      if (!(error instanceof AwsRefusedError)) throw error;
      // Accepted by a concurrent import or a crashed attempt: what we wanted.
      if (error.awsCode === 'ResourceShareInvitationAlreadyAcceptedException') return;
      // Lapsed between reading and accepting.
      if (error.awsCode === 'ResourceShareInvitationExpiredException') throw new InvitationExpiredError(arn, accountId);
      throw error;
    }
  }

  return {
    async sharedWith(receiverAccountId) {
      const doing = `list the RAM shares with account ${receiverAccountId}`;
      const resources = await readAllAwsPages(doing, async (token) => {
        const page = await sendAws(session, doing, () =>
          client.send(new ListResourcesCommand({ resourceOwner: 'SELF', principal: receiverAccountId, maxResults: RAM_PAGE, ...(token !== undefined && { nextToken: token }) })),
        );
        return { items: page.resources, next: page.nextToken };
      });
      return resources.flatMap((r) => (r.arn && r.resourceShareArn ? [{ resourceArn: r.arn, shareArn: r.resourceShareArn }] : []));
    },

    async accept(senderAccountId, shareArns) {
      const outcome: AcceptOutcome = { accepted: [], alreadyAccepted: [], notYetThere: [] };
      if (shareArns.length === 0) return outcome;
      const doing = `read the share invitations from account ${senderAccountId}`;
      const invitations = (
        await readAllAwsPages(doing, async (token) => {
          const page = await sendAws(session, doing, () =>
            client.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [...shareArns], maxResults: RAM_PAGE, ...(token !== undefined && { nextToken: token }) })),
          );
          return { items: page.resourceShareInvitations, next: page.nextToken };
        })
      ).filter((i) => i.senderAccountId === senderAccountId && shareArns.includes(i.resourceShareArn ?? ''));
      const invited = new Set(invitations.map((i) => i.resourceShareArn ?? ''));
      const uninvited = shareArns.filter((arn) => !invited.has(arn));
      if (uninvited.length > 0) {
        const usable = await usableShares(uninvited);
        outcome.notYetThere.push(...uninvited.filter((arn) => !usable.has(arn)));
      }
      for (const invitation of latestPerShare(invitations)) {
        const arn = invitation.resourceShareInvitationArn ?? '';
        switch (invitation.status) {
          case 'ACCEPTED':
            outcome.alreadyAccepted.push(arn);
            break;
          case 'EXPIRED':
            throw new InvitationExpiredError(arn, accountId);
          case 'PENDING':
            await acceptOne(arn);
            outcome.accepted.push(arn);
            break;
          default:
            throw new AwsRefusedError(
              'ResourceShareInvitationAlreadyRejectedException',
              `the share invitation to account ${accountId} was ${invitation.status ?? 'answered'} (${arn})`,
              'retry the subscription: the grant is sent again with a new invitation',
            );
        }
      }
      return outcome;
    },
  };
}
