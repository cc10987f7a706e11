import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DataProduct } from '../../../mesh/domain/data-product';
import type { Subscription } from '../../../mesh/domain/subscription';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { CheckMoveInput } from '../../../mesh/service/subscriptions/check-move';
import type { ModalView, SlackMessage } from '../../blocks/slack-types';
import type { BotDeps } from '../../bot-deps';
import { answerRefusal } from '../interaction/answer-refusal';
import { replyError } from '../reply-error';

/** A modal acting on one subscription: what it is for, the move it leads to, and how it is built. */
export interface SubscriptionModalSpec {
  title: string;
  /** The move it leads to, judged by the mesh (its operation's rule, the status machine) before the form opens; the operation judges again on submission. */
  move: CheckMoveInput['move'];
  /** The form; `scope` for forms that ask the mesh something (the decision modals' plan preview). */
  build: (subscription: Subscription, product: DataProduct, scope: { deps: BotDeps; ctx: RequestContext; log: Logger }) => ModalView | Promise<ModalView>;
}

/**
 * Open a subscription's modal from a click, once the mesh has judged the move: a clicker who may not
 * make it, or a request decided meanwhile, gets why (who decided first) where they clicked, and no
 * modal opens.
 */
export async function openSubscriptionModal(
  deps: BotDeps,
  client: webApi.WebClient,
  args: { triggerId: string; ctx: RequestContext; log: Logger; subscriptionId: string; reply: (message: SlackMessage) => Promise<unknown>; clickedMessage: boolean },
  spec: SubscriptionModalSpec,
): Promise<void> {
  const { ctx, log } = args;
  let view: ModalView;
  try {
    const { subscription, product } = await deps.mesh.checkMove(ctx, { id: args.subscriptionId, move: spec.move });
    view = await spec.build(subscription, product, { deps, ctx, log });
  } catch (error) {
    await answerRefusal(deps, error, args.reply, ctx, log, { clickedMessage: args.clickedMessage });
    return;
  }
  try {
    await client.views.open({ trigger_id: args.triggerId, view });
  } catch (error) {
    // Without a modal (the trigger expired), the answer goes where the click came from.
    await replyError(error, args.reply, log, deps.newId());
  }
}
