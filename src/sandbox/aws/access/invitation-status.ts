import type { Invitation } from '../world';

/** RAM invitations to share outside an Organization lapse after 12 hours unanswered. */
export const INVITATION_TTL_MS = 12 * 60 * 60 * 1000;

/** An invitation's status at `now` (emulator clock): a PENDING invitation older than 12 hours is EXPIRED. */
export function invitationStatus(invitation: Invitation, now: number): Invitation['status'] {
  if (invitation.status === 'PENDING' && now - invitation.createdAt >= INVITATION_TTL_MS) return 'EXPIRED';
  return invitation.status;
}
