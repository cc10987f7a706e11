import type { App, BlockAction } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { ACTIONS } from '../interaction-ids';
import { cancelPublishListener, confirmPublishListener } from './publish/confirm-publish';

/** Register the answers to the question a publish asks before it changes a product with subscribers. */
export function registerPublishListeners(app: App, deps: BotDeps): void {
  app.action<BlockAction>(ACTIONS.publishConfirm, confirmPublishListener(deps));
  app.action<BlockAction>(ACTIONS.publishCancel, cancelPublishListener(deps));
}
