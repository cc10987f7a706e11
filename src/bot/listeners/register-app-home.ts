import type { App } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { homeOpenedListener } from './app-home/home-opened';

/** Register the App Home tab (its buttons are the decision listeners', matched by keyed action id). */
export function registerAppHomeListeners(app: App, deps: BotDeps): void {
  app.event('app_home_opened', homeOpenedListener(deps));
}
