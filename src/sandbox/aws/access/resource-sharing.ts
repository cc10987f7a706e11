import type { CallContext } from '../operation';
import type { Invitation, ResourceShare, World } from '../world';
import { invitationStatus } from './invitation-status';
import { settingsOf } from './data-lake-settings';
import { associatedResources, beginAssociation, endAssociation, isAssociated, settleShares } from './share-association';

/**
 * How Lake Formation shares catalog resources with other accounts through RAM, as the emulator
 * models it: one share per (owning catalog, receiving account), which grants extend and revokes
 * shrink. RAM associates each resource asynchronously (share-association.ts); the receiver may use a
 * resource once its association completed and, outside an Organization with RAM sharing enabled,
 * once it accepted the share's invitation, which RAM sends only after the association.
 */

/** Whether owner and receiver share without invitations (same Organization with RAM sharing enabled). */
export function sharesWithinOrganization(world: World, owner: string, receiver: string): boolean {
  const org = world.organization;
  return org !== null && org.ramSharingEnabled && org.accountIds.includes(owner) && org.accountIds.includes(receiver);
}

/** The latest invitation of a share to a receiver. */
export function latestInvitation(world: World, shareArn: string, receiver: string): Invitation | undefined {
  return world.invitations.filter((i) => i.resourceShareArn === shareArn && i.receiverAccountId === receiver).sort((a, b) => b.createdAt - a.createdAt)[0];
}

/**
 * Whether the receiver may use the share now: its principal association completed, and it accepted
 * the invitation unless the share is within its Organization. Within an Organization there is no
 * invitation (RAM User Guide, "Accepting and rejecting resource share invitations"); the docs do not
 * say such a share skips association, so it waits for it too.
 */
export function shareActiveFor(world: World, share: ResourceShare, receiver: string): boolean {
  if (share.status !== 'ACTIVE' || !share.principals.includes(receiver) || !isAssociated(share.principalAssociations[receiver])) return false;
  if (sharesWithinOrganization(world, share.ownerAccountId, receiver)) return true;
  return latestInvitation(world, share.arn, receiver)?.status === 'ACCEPTED';
}

/**
 * Every resource ARN of `owner` shared with `receiver` through a share it may use now, whose
 * association completed. The RAM docs do not say whether a resource still ASSOCIATING
 * (GetResourceShareAssociations) is usable by the receiver; the emulator takes the conservative
 * reading: not before it is ASSOCIATED.
 */
export function sharedArns(world: World, owner: string, receiver: string): Set<string> {
  const arns = new Set<string>();
  for (const share of world.resourceShares) {
    if (share.ownerAccountId === owner && shareActiveFor(world, share, receiver)) for (const arn of associatedResources(share)) arns.add(arn);
  }
  return arns;
}

function lakeFormationShare(world: World, owner: string, receiver: string): ResourceShare | undefined {
  return world.resourceShares.find((s) => s.status === 'ACTIVE' && s.ownerAccountId === owner && s.name.startsWith('LakeFormation-') && s.principals.length === 1 && s.principals[0] === receiver);
}

/**
 * Add a Glue resource ARN to the owner's share with the receiver, creating the share if needed; RAM
 * starts associating it (and, for a new share, the receiver). Invite the receiver unless it already
 * accepted (or has an invitation pending or on its way, or shares within an Organization); a rejected
 * or expired invitation is replaced by a new one. The invitation is sent once the association
 * completes, not at the grant: the RAM docs do not say when it is sent, and this is the reading under
 * which a receiver has to wait for it.
 */
export function shareResource(ctx: CallContext, owner: string, receiver: string, arn: string): void {
  const { world } = ctx;
  const now = ctx.now();
  let share = lakeFormationShare(world, owner, receiver);
  if (!share) {
    const version = settingsOf(world, owner).Parameters.CROSS_ACCOUNT_VERSION ?? '1';
    const id = ctx.nextId();
    share = {
      arn: `arn:aws:ram:${ctx.region}:${owner}:resource-share/${id}`,
      name: `LakeFormation-V${version}-${id}`,
      ownerAccountId: owner,
      principals: [receiver],
      resources: [],
      status: 'ACTIVE',
      allowExternalPrincipals: true,
      createdAt: now,
      updatedAt: now,
      resourceAssociations: {},
      principalAssociations: { [receiver]: beginAssociation(world, now) },
    };
    world.resourceShares.push(share);
  }
  if (!share.resources.includes(arn)) {
    share.resources.push(arn);
    share.resourceAssociations[arn] = beginAssociation(world, now);
    share.updatedAt = now;
  }
  if (!sharesWithinOrganization(world, owner, receiver) && share.invitationDueAt === undefined) {
    const latest = latestInvitation(world, share.arn, receiver);
    const status = latest && invitationStatus(latest, now);
    if (status !== 'ACCEPTED' && status !== 'PENDING') share.invitationDueAt = now + world.ramAssociationDelayMs;
  }
  // Without a delay RAM's work is done before the grant answers.
  settleShares(world, now);
}

/**
 * Remove a Glue resource ARN from the owner's share with the receiver, at once: the receiver loses
 * the resource when the grant is revoked. The RAM API Reference lists a DISASSOCIATING status without
 * saying the resource stays usable meanwhile, and Lake Formation's RevokePermissions says nothing of
 * a delay, so the emulator takes the conservative reading. A share left empty is deleted.
 */
export function unshareResource(ctx: CallContext, owner: string, receiver: string, arn: string): void {
  const share = lakeFormationShare(ctx.world, owner, receiver);
  if (!share?.resources.includes(arn)) return;
  const now = ctx.now();
  share.resources = share.resources.filter((r) => r !== arn);
  share.resourceAssociations[arn] = endAssociation(share.resourceAssociations[arn], share.createdAt, now);
  share.updatedAt = now;
  if (share.resources.length > 0) return;
  share.status = 'DELETED';
  share.invitationDueAt = undefined;
  for (const principal of share.principals) share.principalAssociations[principal] = endAssociation(share.principalAssociations[principal], share.createdAt, now);
}
