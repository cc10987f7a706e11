import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DataProduct } from '../../../mesh/domain/data-product';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { SubscriptionEvent } from '../../../mesh/domain/subscription-status';
import { transition } from '../../../mesh/domain/subscription-transition';
import { NotAuthorizedError } from '../../../mesh/errors';
import type { Actor } from '../../../mesh/rules/actor';
import type { Verdict } from '../../../mesh/rules/verdict';
import type { RequestContext } from '../../../mesh/service/request-context';
import { buildAlreadyDecidedMessage } from '../../blocks/already-decided-message';
import type { ModalView, SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { buildLoadingModal } from '../../views/loading-modal';
import { replyError } from '../reply-error';
import { messageModal } from '../interaction/message-modal';

/** A modal acting on one subscription: what it is for, who may use it, and how it is built. */
export interface SubscriptionModalSpec {
  title: string;
  /** The move it leads to; a subscription that cannot make it gets "already decided" or why not, instead of the form. */
  event: SubscriptionEvent;
  /** The mesh's own rule, checked before the form is shown (the service checks again on submission). */
  allowed?: (actor: Actor, product: DataProduct, subscription: Subscription) => Verdict;
  /** The form; `scope` for forms that ask the mesh something (the decision modals' plan preview). */
  build: (subscription: Subscription, product: DataProduct, scope: { deps: BotDeps; ctx: RequestContext; log: Logger }) => ModalView | Promise<ModalView>;
}

const DECISIONS: ReadonlySet<SubscriptionEvent> = new Set(['approve', 'deny', 'cancel']);

/** What to show instead of the form, or undefined when the form applies. */
async function instead(deps: BotDeps, ctx: RequestContext, spec: SubscriptionModalSpec, subscription: Subscription, product: DataProduct): Promise<SlackMessage | undefined> {
  const move = transition(subscription.status, spec.event);
  if (!move.ok) {
    if (DECISIONS.has(spec.event) && subscription.status !== 'PENDING') return buildAlreadyDecidedMessage(subscription);
    throw move.error;
  }
  if (spec.allowed) {
    const me = await deps.mesh.whoami(ctx);
    const verdict = spec.allowed({ user: ctx.user, identity: me.identity, meshAdmin: me.meshAdmin }, product, subscription);
    if (!verdict.allowed) throw new NotAuthorizedError(verdict.refusal);
  }
  return undefined;
}

/**
 * Open a subscription's modal from a click: a loading view at once (the trigger lasts 3 s), then the
 * form — or, when the request was decided meanwhile or the user may not act on it, why not.
 */
export async function openSubscriptionModal(
  deps: BotDeps,
  client: webApi.WebClient,
  args: { triggerId: string; ctx: RequestContext; log: Logger; subscriptionId: string; reply: (message: SlackMessage) => Promise<unknown> },
  spec: SubscriptionModalSpec,
): Promise<void> {
  const { ctx, log } = args;
  let viewId: string | undefined;
  try {
    const opened = await client.views.open({ trigger_id: args.triggerId, view: buildLoadingModal({ title: spec.title }) });
    viewId = opened.view?.id;
  } catch (error) {
    // Without a modal (trigger expired), the answer goes where the click came from.
    await replyError(error, args.reply, log, deps.newId());
    return;
  }
  const show = async (view: ModalView): Promise<unknown> => (viewId === undefined ? undefined : client.views.update({ view_id: viewId, view }));
  try {
    const subscription = await deps.mesh.getSubscription(ctx, { id: args.subscriptionId });
    const product = await deps.mesh.getProduct(ctx, { productId: subscription.productId });
    const message = await instead(deps, ctx, spec, subscription, product);
    await show(message ? messageModal(spec.title, message) : await spec.build(subscription, product, { deps, ctx, log }));
  } catch (error) {
    await replyError(error, (message) => show(messageModal(spec.title, message)), log, deps.newId());
  }
}
