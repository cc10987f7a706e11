import { context, message, section } from './block-kit';
import { code } from './mrkdwn';
import type { SlackMessage } from './slack-types';

/**
 * The answer to a message typed in the bot's DM: the bot works through `/mesh` and its Home tab,
 * not conversation, so it says so and names the few commands people start with.
 */
export function buildDmHelpMessage(): SlackMessage {
  const text = `I don't read messages: I work through ${code('/mesh')} commands, typed anywhere in Slack, and this app's Home tab.`;
  return message(text, [
    section(`:wave: ${text}`),
    section(
      [
        `• ${code('/mesh products')}: find data products`,
        `• ${code('/mesh request <product>')}: ask for access, with a reason`,
        `• ${code('/mesh pending')}: requests waiting for your decision`,
        `• ${code('/mesh subscriptions')}: what you have access to`,
      ].join('\n'),
    ),
    context(`${code('/mesh help')} lists every command. The Home tab shows what waits for you, your products and your access.`),
  ]);
}
