import type { App } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { registerCommand } from './register-command';
import { registerPagination } from './register-pagination';

/** Register every listener family of the bot on the app. */
export function registerListeners(app: App, deps: BotDeps): void {
  registerCommand(app, deps);
  registerPagination(app, deps);
}
