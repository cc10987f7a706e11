import type { AllMiddlewareArgs, BlockAction, BlockElementAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Logger } from 'pino';
import type { RequestContext } from '../../../mesh/service/request-context';
import type { BotDeps } from '../../bot-deps';
import { contextOf, type SlackActorFields } from '../../request-context';
import { logFields } from '../../../mesh/service/log-fields';

/** Who acts in one interaction, under which request id, and the logger that says so. */
export interface InteractionScope {
  ctx: RequestContext;
  log: Logger;
}

/** The request context of a Slack payload and a logger tagged with its request id, user and subscription. */
export function scopeOf(deps: BotDeps, body: SlackActorFields, subscriptionId?: string): InteractionScope {
  const ctx = contextOf(body, deps.newId);
  return { ctx, log: scopedLogger(deps.logger, ctx, subscriptionId) };
}

/** A child logger with the request's fields (`logFields`: request id, team, user, action) and the subscription, ids only. */
export function scopedLogger(logger: Logger, ctx: RequestContext, subscriptionId?: string): Logger {
  return logger.child(logFields(ctx, subscriptionId === undefined ? {} : { subscriptionId }));
}

/** A `block_actions` listener's arguments (a click on a button, in a message, a modal or App Home). */
export type ClickArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** A `view_submission` listener's arguments. */
export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The value of the clicked button (the id it acts on); '' for anything else, which the mesh refuses as not an id. */
export function buttonValue(action: BlockElementAction): string {
  return action.type === 'button' ? (action.value ?? '') : '';
}

/** Whether the click came from the user's App Home tab. */
export function clickedInHome(body: BlockAction): boolean {
  return body.view?.type === 'home';
}
