import type { webApi } from '@slack/bolt';
import { PermissionSchema, type Permission } from '../../../mesh/domain/permission';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { postDirect } from '../../notify/slack-dm';
import { buildLoadingModal } from '../../views/loading-modal';
import { buildRequestModal, type RequestPrefill as ModalPrefill } from '../../views/request-modal';
import { scopedLogger } from '../interaction/interaction-scope';
import { messageModal } from '../interaction/message-modal';
import { replyError } from '../reply-error';

/** What to prefill in the request modal (from a partial `/mesh request` command). */
export interface RequestPrefill {
  tables?: string[] | 'all';
  permissions?: string[];
  queryRoles?: string[];
  reason?: string;
}

/** The modal's title, kept by the loading view and the form so the swap is calm. */
export const REQUEST_MODAL_TITLE = 'Request access';

/** The consumer accounts the user may request for: their own, and for mesh admins every enabled consumer account. */
async function consumerAccountsOf(deps: BotDeps, ctx: RequestContext): Promise<string[]> {
  const me = await deps.mesh.whoami(ctx);
  const own = me.personas.filter((p) => p.kind === 'consumer').map((p) => p.accountId);
  const enabled = me.meshAdmin ? (await deps.mesh.listAccounts(ctx)).filter((a) => a.consumer).map((a) => a.accountId) : [];
  return [...new Set([...own, ...enabled])].sort();
}

function modalPrefill(prefill: RequestPrefill | undefined, productTables: readonly string[]): ModalPrefill {
  if (prefill === undefined) return {};
  const permissions = (prefill.permissions ?? []).flatMap((p): Permission[] => {
    const parsed = PermissionSchema.safeParse(p.toUpperCase());
    return parsed.success ? [parsed.data] : [];
  });
  return {
    ...(prefill.tables !== undefined && { tables: prefill.tables === 'all' ? productTables : prefill.tables }),
    ...(permissions.length > 0 && { permissions }),
    ...(prefill.reason !== undefined && { reason: prefill.reason }),
    ...(prefill.queryRoles !== undefined && { queryRoles: prefill.queryRoles }),
  };
}

/**
 * Open the request modal for a product at once (a loading view, within the trigger's 3 s), then fill
 * it with the product's tables and offered permissions and the user's consumer accounts. When no
 * modal can be opened (the trigger expired), the reason goes to `reply`, or by DM.
 */
export async function openRequestModal(
  deps: BotDeps,
  client: webApi.WebClient,
  args: { triggerId: string; ctx: RequestContext; productId: string; prefill?: RequestPrefill; reply?: (message: SlackMessage) => Promise<unknown> },
): Promise<void> {
  const { ctx, productId } = args;
  const log = scopedLogger(deps.logger, ctx).child({ productId });
  let view: { id: string; hash: string } | undefined;
  try {
    const opened = await client.views.open({ trigger_id: args.triggerId, view: buildLoadingModal({ title: REQUEST_MODAL_TITLE, text: `Loading ${productId}…` }) });
    if (opened.view?.id !== undefined) view = { id: opened.view.id, hash: opened.view.hash ?? '' };
  } catch (error) {
    await replyError(error, args.reply ?? ((message) => postDirect(client, ctx.user.userId, message)), log, deps.newId());
    return;
  }
  if (view === undefined) return;
  const { id, hash } = view;
  try {
    const [product, consumerAccounts] = await Promise.all([deps.mesh.getProduct(ctx, { productId }), consumerAccountsOf(deps, ctx)]);
    // The hash makes this update lose to anything the user did to the modal meanwhile.
    await client.views.update({ view_id: id, hash, view: buildRequestModal({ product, consumerAccounts, prefill: modalPrefill(args.prefill, product.tables) }) });
    log.info({ tables: product.tables.length, accounts: consumerAccounts.length }, 'request modal shown');
  } catch (error) {
    await replyError(error, (message) => client.views.update({ view_id: id, view: messageModal(REQUEST_MODAL_TITLE, message) }), log, deps.newId());
  }
}
