import type { ServiceOperations } from '../operation';
import { acceptResourceShareInvitation, rejectResourceShareInvitation } from './answer-invitation';
import { getResourceShareAssociations } from './get-resource-share-associations';
import { getResourceShareInvitations } from './get-resource-share-invitations';
import { getResourceShares } from './get-resource-shares';
import { listResources } from './list-resources';

/** The emulated operations of this service, by API name. */
export const ramOperations: ServiceOperations = {
  GetResourceShareInvitations: getResourceShareInvitations,
  AcceptResourceShareInvitation: acceptResourceShareInvitation,
  RejectResourceShareInvitation: rejectResourceShareInvitation,
  GetResourceShares: getResourceShares,
  GetResourceShareAssociations: getResourceShareAssociations,
  ListResources: listResources,
};
