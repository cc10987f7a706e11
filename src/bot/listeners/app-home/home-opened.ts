import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps';
import { contextOf } from '../../request-context';
import { scopedLogger } from '../interaction/interaction-scope';
import { publishHome } from './publish-home';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * The user opened the Home tab: publish it fresh, one section per persona they hold (approvals
 * waiting and products for owners, requests and subscriptions for consumers, accounts for admins).
 * The Messages tab sends the same event; only the Home tab is answered.
 */
export function homeOpenedListener(deps: BotDeps) {
  return async ({ event, body, client }: HomeOpenedArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const ctx = contextOf({ user: event.user, team_id: body.team_id }, deps.newId);
    const log = scopedLogger(deps.logger, ctx);
    try {
      await publishHome(deps, client, ctx);
      log.info('home published');
    } catch (error) {
      // Nowhere to show an error on a tab the bot failed to draw; the log has it.
      log.error({ err: error }, 'could not publish the App Home');
    }
  };
}
