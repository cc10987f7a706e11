import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { InvalidInputError } from '../../mesh/errors';
import type { BotDeps } from '../bot-deps';
import { ACTIONS, actionIdPattern } from '../interaction-ids';
import { contextOf } from '../request-context';
import { guarded, type CommandScope } from './commands/command-scope';
import { decodeListCursor } from './commands/list-cursor';
import { listPage } from './commands/list-pages';
import { logFields } from '../../mesh/service/log-fields';

/**
 * Register [Next page] (plain and keyed action ids): decode which list and where, read that page as
 * the user who clicked, and show it in place of the page they were on.
 */
export function registerPagination(app: App, deps: BotDeps): void {
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTIONS.nextPage), async ({ ack, body, action, respond, client }) => {
    await ack();
    const ctx = { ...contextOf(body, deps.newId), origin: { action: ACTIONS.nextPage } };
    const log = deps.logger.child(logFields(ctx));
    const scope: CommandScope = {
      deps,
      client,
      ctx,
      origin: { channelId: body.channel?.id ?? '', userId: body.user.id, triggerId: body.trigger_id, signedAtMs: undefined },
      log,
      reply: async (message) => {
        await respond({ replace_original: true, response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      },
    };
    await guarded(scope, async () => {
      const cursor = decodeListCursor(action.value ?? '');
      if (cursor === undefined) {
        throw new InvalidInputError({
          reason: 'stale_page_button',
          params: {},
          message: 'this [Next page] button no longer leads anywhere',
          hint: 'run the command again to list from the first page',
        });
      }
      await scope.reply(await listPage(deps, ctx, cursor));
    });
  });
}
