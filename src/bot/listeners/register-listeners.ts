import type { App } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { registerAppHomeListeners } from './register-app-home';
import { registerDecisionListeners } from './register-decisions';
import { registerRequestListeners } from './register-request';

/** Register every listener family of the bot on the app. */
export function registerListeners(_app: App, _deps: BotDeps): void {
  // Listener families are registered here as they land.
  registerRequestListeners(_app, _deps);
  registerDecisionListeners(_app, _deps);
  registerAppHomeListeners(_app, _deps);
}
