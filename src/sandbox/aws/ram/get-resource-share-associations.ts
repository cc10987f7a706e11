import * as z from 'zod';
import { AwsError } from '../aws-error';
import { invitationStatus } from '../access/invitation-status';
import { latestInvitation, sharesWithinOrganization } from '../access/resource-sharing';
import { operation } from '../operation';
import { paginate } from '../paging/page';
import type { ResourceShare, ShareAssociation, World } from '../world';
import { checkShareArn } from './ram-views';

const AssociationStatusSchema = z.enum(['ASSOCIATING', 'ASSOCIATED', 'FAILED', 'DISASSOCIATING', 'DISASSOCIATED', 'SUSPENDED', 'SUSPENDING', 'RESTORING']);
type AssociationStatus = z.infer<typeof AssociationStatusSchema>;

export const GetResourceShareAssociationsInputSchema = z.object({
  associationType: z.enum(['PRINCIPAL', 'RESOURCE', 'SOURCE']),
  resourceShareArns: z.array(z.string()).optional(),
  resourceArn: z.string().optional(),
  principal: z.string().optional(),
  associationStatus: AssociationStatusSchema.optional(),
  nextToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).max(500).optional(),
});

interface Row {
  share: ResourceShare;
  entity: string;
  status: AssociationStatus;
  createdAt: number;
  updatedAt: number;
}

/** A share's association as recorded; a share saved before associations were recorded has its entities associated since it was made. */
function recorded(share: ResourceShare, association: ShareAssociation | undefined): ShareAssociation {
  return association ?? { status: 'ASSOCIATED', createdAt: share.createdAt, dueAt: share.createdAt, updatedAt: share.createdAt };
}

/**
 * The status RAM reports for a principal of a share; none once the share is deleted. Within an
 * Organization it is the association's own. An invited account is ASSOCIATING until it accepts the invitation and DISASSOCIATED once the
 * invitation expired ("the end user principal in the resource share is disassociated", RAM User
 * Guide, "Accepting and rejecting resource share invitations") or was rejected (docs silent; the
 * principal has no access either way). The RAM docs do not say an invited account stays ASSOCIATING
 * until it accepts; users of the service report it does (terraform-provider-aws waits for it only
 * outside invitations), and the emulator follows them.
 */
function principalStatus(world: World, share: ResourceShare, principal: string, now: number): AssociationStatus {
  if (share.status !== 'ACTIVE') return 'DISASSOCIATED';
  const association = recorded(share, share.principalAssociations[principal]);
  if (association.status !== 'ASSOCIATED' || sharesWithinOrganization(world, share.ownerAccountId, principal)) return association.status;
  if (share.invitationDueAt !== undefined) return 'ASSOCIATING';
  const latest = latestInvitation(world, share.arn, principal);
  switch (latest && invitationStatus(latest, now)) {
    case 'ACCEPTED':
      return 'ASSOCIATED';
    case 'REJECTED':
    case 'EXPIRED':
      return 'DISASSOCIATED';
    default:
      return 'ASSOCIATING';
  }
}

/** Every association of one share of the given type, as RAM reports it at `now`. */
function associationsOf(world: World, share: ResourceShare, type: 'PRINCIPAL' | 'RESOURCE', now: number): Row[] {
  if (type === 'PRINCIPAL') {
    return share.principals.map((principal) => ({ share, entity: principal, ...recorded(share, share.principalAssociations[principal]), status: principalStatus(world, share, principal, now) }));
  }
  const entities = new Set([...Object.keys(share.resourceAssociations), ...share.resources]);
  return [...entities].map((arn) => ({ share, entity: arn, ...recorded(share, share.resourceAssociations[arn]) }));
}

/** A `ResourceShareAssociation` as RAM answers it (epoch-second timestamps). */
function associationView(row: Row, type: string): Record<string, unknown> {
  return {
    resourceShareArn: row.share.arn,
    resourceShareName: row.share.name,
    associatedEntity: row.entity,
    associationType: type,
    status: row.status,
    creationTime: row.createdAt / 1000,
    lastUpdatedTime: row.updatedAt / 1000,
  };
}

/**
 * GetResourceShareAssociations: the principal or resource associations of the shares the caller's
 * account owns (API reference: "for resource shares that you own"), each ASSOCIATING until RAM
 * completed it, then ASSOCIATED (DISASSOCIATED once removed), filtered and a page at a time. A
 * `resourceArn` with PRINCIPAL or a `principal` with RESOURCE is refused, as the reference says they
 * cannot be given; Lake Formation's shares have no SOURCE associations. `external` is left out: the
 * reference describes it both ways, so the emulator does not guess.
 */
export const getResourceShareAssociations = operation(GetResourceShareAssociationsInputSchema, (ctx, input) => {
  const { world, caller } = ctx;
  input.resourceShareArns?.forEach(checkShareArn);
  if (input.associationType === 'PRINCIPAL' && input.resourceArn !== undefined) throw new AwsError('InvalidParameterException', 'You cannot specify resourceArn when associationType is PRINCIPAL.');
  if (input.associationType === 'RESOURCE' && input.principal !== undefined) throw new AwsError('InvalidParameterException', 'You cannot specify principal when associationType is RESOURCE.');
  const type = input.associationType;
  const now = ctx.now();
  const rows =
    type === 'SOURCE'
      ? []
      : world.resourceShares
          .filter((s) => s.ownerAccountId === caller.accountId)
          .filter((s) => !input.resourceShareArns || input.resourceShareArns.includes(s.arn))
          .sort((a, b) => a.createdAt - b.createdAt || a.arn.localeCompare(b.arn))
          .flatMap((s) => associationsOf(world, s, type, now).sort((a, b) => a.createdAt - b.createdAt || a.entity.localeCompare(b.entity)))
          .filter((r) => (input.resourceArn ?? input.principal) === undefined || r.entity === (input.resourceArn ?? input.principal))
          .filter((r) => input.associationStatus === undefined || r.status === input.associationStatus);
  const page = paginate(rows, { scope: `GetResourceShareAssociations/${caller.accountId}/${type}`, token: input.nextToken, size: input.maxResults ?? 50, badTokenCode: 'InvalidNextTokenException' });
  return { resourceShareAssociations: page.items.map((r) => associationView(r, type)), nextToken: page.nextToken };
});
