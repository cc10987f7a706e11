import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildDmHelpMessage } from '../../blocks/dm-help-message';
import type { BotDeps } from '../../bot-deps';
import { contextOf } from '../../request-context';
import { scopedLogger } from '../interaction/interaction-scope';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * A person typed in the bot's DM (the Messages tab): answer with a short help, in the thread when
 * they wrote in one. Only a person's own new message is answered: edits, deletions, joins (any
 * subtype) and messages of bots, this one included, never are, so two bots cannot answer each other.
 */
export function dmMessageListener(deps: BotDeps) {
  return async ({ message, body, client }: MessageArgs): Promise<void> => {
    if (message.subtype !== undefined) return;
    if (message.channel_type !== 'im' || message.bot_id !== undefined) return;
    const ctx = contextOf({ user: message.user, team_id: body.team_id }, deps.newId);
    const log = scopedLogger(deps.logger, ctx);
    const help = buildDmHelpMessage();
    try {
      await client.chat.postMessage({ channel: message.channel, text: help.text, blocks: help.blocks, ...(message.thread_ts !== undefined && { thread_ts: message.thread_ts }) });
      log.info('answered a direct message with help');
    } catch (error) {
      // The answer is a courtesy; the log has why it did not land.
      log.warn({ err: error }, 'could not answer a direct message');
    }
  };
}
