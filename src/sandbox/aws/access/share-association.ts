import type { ResourceShare, ShareAssociation, World } from '../world';

/**
 * RAM associates resources and principals with a share asynchronously: an association is
 * ASSOCIATING, then ASSOCIATED (RAM API Reference, `ResourceShareAssociation` status and
 * GetResourceShareAssociations; neither says how long it takes, so the emulator waits
 * `world.ramAssociationDelayMs` on its clock). The emulator completes what is due before every call
 * it serves, when its state is read and when its clock is advanced (`settleShares`), so a call sees
 * RAM's state at that moment and advancing the clock completes associations. An invitation a share owes its
 * receiver is sent once the association that owes it completes.
 */

/** A new association, due once the world's association delay has passed. */
export function beginAssociation(world: World, now: number): ShareAssociation {
  return { status: 'ASSOCIATING', createdAt: now, dueAt: now + world.ramAssociationDelayMs, updatedAt: now };
}

/** An association ended at `now`; `since` dates one recorded before associations were (older worlds). */
export function endAssociation(association: ShareAssociation | undefined, since: number, now: number): ShareAssociation {
  return { status: 'DISASSOCIATED', createdAt: association?.createdAt ?? since, dueAt: association?.dueAt ?? since, updatedAt: now };
}

/** Whether an association completed; none recorded (a share saved before associations were) counts as completed. */
export function isAssociated(association: ShareAssociation | undefined): boolean {
  return association === undefined || association.status === 'ASSOCIATED';
}

/** The share's resources whose association completed. */
export function associatedResources(share: ResourceShare): string[] {
  return share.resources.filter((arn) => isAssociated(share.resourceAssociations[arn]));
}

/** Send the share's owed invitation to each of its principals, dated `at`. */
function sendInvitations(world: World, share: ResourceShare, at: number): void {
  for (const receiver of share.principals) {
    world.sequence += 1;
    world.invitations.push({
      arn: `arn:aws:ram:${world.region}:${share.ownerAccountId}:resource-share-invitation/${String(world.sequence)}`,
      resourceShareArn: share.arn,
      resourceShareName: share.name,
      senderAccountId: share.ownerAccountId,
      receiverAccountId: receiver,
      status: 'PENDING',
      createdAt: at,
    });
  }
}

/**
 * Complete the associations of active shares due by `now`, as of their due time, and send the
 * invitations they owed, dated when they were due: the 12-hour expiry of an invitation counts from
 * when it was sent (RAM User Guide, "Accepting and rejecting resource share invitations"), which is
 * after the association. Returns whether anything changed.
 */
export function settleShares(world: World, now: number): boolean {
  let changed = false;
  for (const share of world.resourceShares) {
    if (share.status !== 'ACTIVE') continue;
    for (const association of [...Object.values(share.principalAssociations), ...Object.values(share.resourceAssociations)]) {
      if (association.status !== 'ASSOCIATING' || association.dueAt > now) continue;
      association.status = 'ASSOCIATED';
      association.updatedAt = association.dueAt;
      changed = true;
    }
    if (share.invitationDueAt !== undefined && share.invitationDueAt <= now) {
      sendInvitations(world, share, share.invitationDueAt);
      share.invitationDueAt = undefined;
      changed = true;
    }
  }
  return changed;
}
