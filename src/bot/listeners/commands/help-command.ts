import type { HelpTopic } from '../../commands/command-specs';
import { helpText } from '../../commands/help-text';
import type { UsageError } from '../../commands/usage-error';
import { context, message, section } from '../../blocks/block-kit';
import { buildHelpMessage } from '../../blocks/help-message';
import { code } from '../../blocks/mrkdwn';
import type { SlackMessage } from '../../blocks/slack-types';
import type { CommandScope } from './command-scope';

/** `/mesh help [topic]`: the commands, or the details and examples of one. */
export async function answerHelp(scope: CommandScope, topic: HelpTopic | undefined): Promise<void> {
  // helpText is mrkdwn already (it escapes every word it shows), so it goes in as is.
  await scope.reply(buildHelpMessage({ mrkdwn: helpText(topic) }));
}

/** What was wrong with the text, and the usage; both already mrkdwn from the grammar. */
function buildUsageErrorMessage(error: UsageError): SlackMessage {
  return message(error.message, [section(`:warning: ${error.message}`), section(`*Usage*\n${error.usage}`), context(`Details and examples: ${code('/mesh help <command>')}`)]);
}

/** A command the grammar refused: say exactly what was wrong, and how to write it; nothing else happens. */
export async function answerUsageError(scope: CommandScope, error: UsageError): Promise<void> {
  scope.log.info({ problem: error.message }, 'usage error');
  await scope.reply(buildUsageErrorMessage(error));
}
