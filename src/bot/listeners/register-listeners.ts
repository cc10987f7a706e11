import type { App } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';

/** Register every listener family of the bot on the app. */
export function registerListeners(_app: App, _deps: BotDeps): void {
  // Listener families are registered here as they land.
}
