import type { App } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { registerAppHomeListeners } from './register-app-home';
import { registerCommand } from './register-command';
import { registerDecisionListeners } from './register-decisions';
import { registerPagination } from './register-pagination';
import { registerPublishListeners } from './register-publish';
import { registerRequestListeners } from './register-request';

/** Register every listener family of the bot on the app. */
export function registerListeners(app: App, deps: BotDeps): void {
  registerCommand(app, deps);
  registerPagination(app, deps);
  registerRequestListeners(app, deps);
  registerDecisionListeners(app, deps);
  registerAppHomeListeners(app, deps);
  registerPublishListeners(app, deps);
}
