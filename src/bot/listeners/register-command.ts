import type { App } from '@slack/bolt';
import type { BotDeps } from '../bot-deps';
import { isUsageError } from '../commands/usage-error';
import { parseMeshCommand } from '../commands/parse-mesh-command';
import { COMMAND } from '../interaction-ids';
import { signedAtMs } from '../edge/delivery';
import { contextOf } from '../request-context';
import { guarded, type CommandScope } from './commands/command-scope';
import { answerUsageError } from './commands/help-command';
import { runCommand } from './commands/run-command';
import { logFields } from '../../mesh/service/log-fields';

/**
 * Register `/mesh`: parse the text, ack at once and empty (before any I/O: Slack waits 3 s), then run the
 * command's handler, which answers the user only (response_url, ephemeral); errors go through replyError.
 */
export function registerCommand(app: App, deps: BotDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client, context }) => {
    const parsed = parseMeshCommand(command.text);
    // An empty ack: nothing is promised before the handler's checks have answered.
    await ack();

    const ctx = { ...contextOf(command, deps.newId), origin: { command: isUsageError(parsed) ? 'usage-error' : parsed.kind } };
    const log = deps.logger.child(logFields(ctx));
    const scope: CommandScope = {
      deps,
      client,
      ctx,
      origin: { channelId: command.channel_id, userId: command.user_id, triggerId: command.trigger_id, signedAtMs: signedAtMs(context), responseUrl: command.response_url },
      log,
      reply: async (message) => {
        await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      },
    };
    await guarded(scope, () => (isUsageError(parsed) ? answerUsageError(scope, parsed) : runCommand(scope, parsed)));
  });
}
