import type { CallContext } from '../operation';
import type { Invitation, ResourceShare, World } from '../world';
import { invitationStatus } from './invitation-status';
import { settingsOf } from './data-lake-settings';

/**
 * How Lake Formation shares catalog resources with other accounts through RAM, as the emulator
 * models it: one share per (owning catalog, receiving account), which grants extend and revokes
 * shrink. Outside an Organization with RAM sharing enabled, the receiver sees the share's resources
 * only once it accepted the share's invitation.
 */

/** Whether owner and receiver share without invitations (same Organization with RAM sharing enabled). */
function sharesWithinOrganization(world: World, owner: string, receiver: string): boolean {
  const org = world.organization;
  return org !== null && org.ramSharingEnabled && org.accountIds.includes(owner) && org.accountIds.includes(receiver);
}

/** The latest invitation of a share to a receiver. */
export function latestInvitation(world: World, shareArn: string, receiver: string): Invitation | undefined {
  return world.invitations.filter((i) => i.resourceShareArn === shareArn && i.receiverAccountId === receiver).sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** Whether the receiver may use the share now: accepted invitation, or an Organization share. */
export function shareActiveFor(world: World, share: ResourceShare, receiver: string): boolean {
  if (share.status !== 'ACTIVE' || !share.principals.includes(receiver)) return false;
  if (sharesWithinOrganization(world, share.ownerAccountId, receiver)) return true;
  return latestInvitation(world, share.arn, receiver)?.status === 'ACCEPTED';
}

/** Every resource ARN of `owner` shared with `receiver` through a share it may use now. */
export function sharedArns(world: World, owner: string, receiver: string): Set<string> {
  const arns = new Set<string>();
  for (const share of world.resourceShares) {
    if (share.ownerAccountId === owner && shareActiveFor(world, share, receiver)) for (const arn of share.resources) arns.add(arn);
  }
  return arns;
}

function lakeFormationShare(world: World, owner: string, receiver: string): ResourceShare | undefined {
  return world.resourceShares.find((s) => s.status === 'ACTIVE' && s.ownerAccountId === owner && s.name.startsWith('LakeFormation-') && s.principals.length === 1 && s.principals[0] === receiver);
}

/**
 * Add a Glue resource ARN to the owner's share with the receiver, creating the share if needed, and
 * invite the receiver unless it already accepted (or has an invitation still pending, or shares
 * within an Organization). A rejected or expired invitation is replaced by a new one.
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
    };
    world.resourceShares.push(share);
  }
  if (!share.resources.includes(arn)) {
    share.resources.push(arn);
    share.updatedAt = now;
  }
  if (sharesWithinOrganization(world, owner, receiver)) return;
  const latest = latestInvitation(world, share.arn, receiver);
  const status = latest && invitationStatus(latest, now);
  if (status === 'ACCEPTED' || status === 'PENDING') return;
  world.invitations.push({
    arn: `arn:aws:ram:${ctx.region}:${owner}:resource-share-invitation/${ctx.nextId()}`,
    resourceShareArn: share.arn,
    resourceShareName: share.name,
    senderAccountId: owner,
    receiverAccountId: receiver,
    status: 'PENDING',
    createdAt: now,
  });
}

/** Remove a Glue resource ARN from the owner's share with the receiver; a share left empty is deleted. */
export function unshareResource(ctx: CallContext, owner: string, receiver: string, arn: string): void {
  const share = lakeFormationShare(ctx.world, owner, receiver);
  if (!share?.resources.includes(arn)) return;
  share.resources = share.resources.filter((r) => r !== arn);
  share.updatedAt = ctx.now();
  if (share.resources.length === 0) share.status = 'DELETED';
}
