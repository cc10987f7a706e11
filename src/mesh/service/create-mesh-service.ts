import { enableAccount } from './accounts/enable-account';
import { listAccounts } from './accounts/list-accounts';
import { listMappings } from './accounts/list-mappings';
import { mapUser } from './accounts/map-user';
import { meshAdmins } from './accounts/mesh-admins';
import { unmapUser } from './accounts/unmap-user';
import { whoami } from './accounts/whoami';
import type { MeshDeps } from './mesh-deps';
import type { Caller, RequestContext } from './request-context';
import { describeProduct, getProduct, listProducts, searchProducts } from './products/product-queries';
import { checkPublish, publishProduct } from './products/publish-product';
import { syncProduct } from './products/sync-product';
import { approveRequest } from './subscriptions/approve-request';
import { cancelRequest } from './subscriptions/cancel-request';
import { checkMove } from './subscriptions/check-move';
import { denyRequest } from './subscriptions/deny-request';
import { describeAccess } from './subscriptions/describe-access';
import { getSubscription } from './subscriptions/get-subscription';
import { listSubscriptions } from './subscriptions/list-subscriptions';
import { modifySubscription } from './subscriptions/modify-subscription';
import { previewDecision } from './subscriptions/preview-decision';
import { requestAccess } from './subscriptions/request-access';
import { retrySubscription } from './subscriptions/retry-subscription';
import { finishRevoke, revokeSubscription } from './subscriptions/revoke-subscription';
import { runGrant } from './subscriptions/run-grant';
import { createSystemOperations } from './system-operations';

/** Fix an operation's dependencies, leaving a person's request context and the input (the bot's own work goes through `system`). */
function bind<A extends unknown[], R>(deps: MeshDeps, operation: (deps: MeshDeps, ctx: RequestContext, ...args: A) => R): (ctx: RequestContext, ...args: A) => R {
  return (ctx, ...args) => operation(deps, ctx, ...args);
}

/** The same for a read the bot's own work makes too (refreshing the messages about a subscription): a person's context or a system one. */
function bindRead<A extends unknown[], R>(deps: MeshDeps, operation: (deps: MeshDeps, ctx: Caller, ...args: A) => R): (ctx: Caller, ...args: A) => R {
  return (ctx, ...args) => operation(deps, ctx, ...args);
}

/**
 * The mesh service: every operation the three personas perform, bound to one set of dependencies, and
 * under `system` the bot's own scheduled work. What the Slack layer, the demo and the workers call.
 * It hands out operations only, never its stores or configuration, so every call goes through the
 * rules; operators read the records through `createMeshInspection` instead.
 */
export function createMeshService(deps: MeshDeps) {
  return {
    enableAccount: bind(deps, enableAccount),
    listAccounts: bind(deps, listAccounts),
    listMappings: bind(deps, listMappings),
    mapUser: bind(deps, mapUser),
    unmapUser: bind(deps, unmapUser),
    whoami: bind(deps, whoami),
    meshAdmins: () => meshAdmins(deps),
    publishProduct: bind(deps, publishProduct),
    syncProduct: bind(deps, syncProduct),
    checkPublish: bind(deps, checkPublish),
    getProduct: bindRead(deps, getProduct),
    listProducts: bind(deps, listProducts),
    searchProducts: bind(deps, searchProducts),
    describeProduct: bind(deps, describeProduct),
    requestAccess: bind(deps, requestAccess),
    approveRequest: bind(deps, approveRequest),
    runGrant: bind(deps, runGrant),
    denyRequest: bind(deps, denyRequest),
    cancelRequest: bind(deps, cancelRequest),
    modifySubscription: bind(deps, modifySubscription),
    revokeSubscription: bind(deps, revokeSubscription),
    finishRevoke: bind(deps, finishRevoke),
    retrySubscription: bind(deps, retrySubscription),
    getSubscription: bindRead(deps, getSubscription),
    listSubscriptions: bind(deps, listSubscriptions),
    describeAccess: bind(deps, describeAccess),
    checkMove: bind(deps, checkMove),
    previewDecision: bind(deps, previewDecision),
    system: createSystemOperations(deps),
  };
}

export type MeshService = ReturnType<typeof createMeshService>;
