import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand, type RAMClient } from '@aws-sdk/client-ram';
import { AwsRefusedError } from '../errors';
import { retryRefused, type RetryOptions } from './retry-refused';
import { callAws } from './translate-aws-error';

/** Whose RAM invitations to answer, through which role session. */
export interface AcceptInvitationsOptions {
  /** The receiving account's RAM client (a data lake admin role of that account). */
  client: RAMClient;
  /** Only invitations sent by this account are accepted. */
  senderAccountId: string;
  roleName: string;
  accountId: string;
  retry?: RetryOptions;
}

/**
 * Accept every PENDING resource share invitation the account received from `senderAccountId` (and
 * nothing else), so Lake Formation grants from that account become usable; returns the accepted
 * invitations' ARNs. An invitation accepted meanwhile by someone else counts as accepted.
 */
export async function acceptInvitationsFrom({ client, senderAccountId, roleName, accountId, retry }: AcceptInvitationsOptions): Promise<string[]> {
  const call = <T>(doing: string, send: () => Promise<T>): Promise<T> => callAws({ doing, roleName, accountId }, () => retryRefused(send, retry));
  const pending: string[] = [];
  let token: string | undefined;
  do {
    const nextToken = token;
    const page = await call(`list the resource share invitations of account ${accountId}`, () =>
      client.send(new GetResourceShareInvitationsCommand({ maxResults: 500, ...(nextToken !== undefined && { nextToken }) })),
    );
    for (const invitation of page.resourceShareInvitations ?? []) {
      if (invitation.senderAccountId === senderAccountId && invitation.status === 'PENDING' && invitation.resourceShareInvitationArn) {
        pending.push(invitation.resourceShareInvitationArn);
      }
    }
    token = page.nextToken;
  } while (token);
  for (const arn of pending) {
    try {
      await call(`accept the share invitation ${arn} from account ${senderAccountId}`, () =>
        client.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn })),
      );
    } catch (error) {
      if (!(error instanceof AwsRefusedError && error.awsCode === 'ResourceShareInvitationAlreadyAcceptedException')) throw error;
    }
  }
  return pending;
}
