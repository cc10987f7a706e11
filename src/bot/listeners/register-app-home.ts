import type { App } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { dmMessageListener } from './app-home/dm-message';
import { homeOpenedListener } from './app-home/home-opened';

/**
 * Register the App Home: the Home tab (its buttons are the decision listeners', matched by keyed
 * action id) and the Messages tab, where a typed message gets a short help.
 */
export function registerAppHomeListeners(app: App, deps: BotDeps): void {
  app.event('app_home_opened', homeOpenedListener(deps));
  app.message(dmMessageListener(deps));
}
